import {
  DomainError,
  NotAuthenticatedError,
  ValidationFailedError,
} from '../../common/errors/domain.errors.js';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('unauthorized', 'Invalid credentials', 'The username or password is wrong.');
    this.inChinese('用户名或密码不正确。');
  }
}

export class SessionExpiredError extends NotAuthenticatedError {
  constructor() {
    super('The session has expired or was logged out; log in again.');
    this.inChinese('登录已过期或已退出，请重新登录。');
  }
}

export class WrongCurrentPasswordError extends ValidationFailedError {
  constructor() {
    super(
      [{ path: '/currentPassword', message: 'The current password is wrong.' }],
      'The password was not changed.',
    );
    this.inChinese('密码未修改。', '当前密码不正确。');
  }
}
