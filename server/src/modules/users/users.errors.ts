import { ConflictError, ValidationFailedError } from '../../common/errors/domain.errors.js';

export class UsernameTakenError extends ConflictError {
  constructor(username: string) {
    super('Username taken', `The username "${username}" is already in use; choose another.`);
  }
}

export class UnknownRoleError extends ValidationFailedError {
  constructor(index: number, role: string) {
    super([{ path: `/memberships/${index}/role`, message: `Unknown role "${role}".` }]);
  }
}

export class UnknownOrgUnitError extends ValidationFailedError {
  constructor(index: number) {
    super([{ path: `/memberships/${index}/orgUnitId`, message: 'No such org unit in this tenant.' }]);
  }
}
