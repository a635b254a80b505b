import {
  DomainError,
  NotAuthenticatedError,
  ValidationFailedError,
} from '../../common/errors/domain.errors.js';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('unauthorized', 'Invalid credentials', 'The username or password is wrong.');
  }
}

export class SessionExpiredError extends NotAuthenticatedError {
  constructor() {
    super('The session has expired or was logged out; log in again.');
  }
}

export class WrongCurrentPasswordError extends ValidationFailedError {
  constructor() {
    super(
      [{ path: '/currentPassword', message: 'The current password is wrong.' }],
      'The password was not changed.',
    );
  }
}
