import { ConflictError, ValidationFailedError } from '../../common/errors/domain.errors.js';

export class UsernameTakenError extends ConflictError {
  constructor(username: string) {
    super('Username taken', `The username "${username}" is already in use; choose another.`);
    this.inChinese(`用户名“${username}”已被使用；请换一个。`);
  }
}

export class UnknownRoleError extends ValidationFailedError {
  constructor(index: number, role: string) {
    super([{ path: `/memberships/${index}/role`, message: `Unknown role "${role}".` }]);
    this.fieldsInChinese(`没有角色“${role}”。`);
  }
}

export class UnknownOrgUnitError extends ValidationFailedError {
  constructor(index: number) {
    super([{ path: `/memberships/${index}/orgUnitId`, message: 'No such org unit in this tenant.' }]);
    this.fieldsInChinese('本机构没有这个组织单元。');
  }
}
