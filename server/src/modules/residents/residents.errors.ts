import { ConflictError, ForbiddenError, ValidationFailedError } from '../../common/errors/domain.errors.js';
import type { ResidentStatus } from './resident.entity.js';
import { RESIDENT_TRANSITIONS } from './resident-status.util.js';

/** Resident statuses as the Chinese UI names them. */
const RESIDENT_STATUS_ZH: Readonly<Record<ResidentStatus, string>> = {
  inquiry: '咨询',
  trial: '试住',
  admitted: '在住',
  discharged: '已离院',
  deceased: '已故',
};

export class IllegalStatusTransitionError extends ConflictError {
  constructor(from: ResidentStatus, to: ResidentStatus) {
    const allowed = RESIDENT_TRANSITIONS[from];
    super(
      'Status change not allowed',
      `A resident in status "${from}" cannot move to "${to}"; ` +
        (allowed.length ? `allowed next: ${allowed.join(', ')}.` : `"${from}" is final.`),
    );
    const zh = (status: ResidentStatus) => `${RESIDENT_STATUS_ZH[status]}（${status}）`;
    this.inChinese(
      `状态为${zh(from)}的长者不能改为${zh(to)}；` +
        (allowed.length ? `可改为：${allowed.map(zh).join('、')}。` : `${zh(from)}是最终状态。`),
    );
  }
}

export class StaleResidentError extends ConflictError {
  constructor() {
    super('Resident changed meanwhile', 'Someone else changed this resident; reload and try again.');
    this.inChinese('有人刚刚修改了这位长者的资料；请刷新后再试。');
  }
}

export class OrgUnitOutOfScopeError extends ForbiddenError {
  constructor() {
    super('You may only place residents in org units you work in (or below them).');
    this.inChinese('只能把长者安排在您所在的组织单元（或其下级）。');
  }
}

export class UnknownResidentOrgUnitError extends ValidationFailedError {
  constructor() {
    super([{ path: '/orgUnitId', message: 'No such org unit in this tenant.' }]);
    this.fieldsInChinese('本机构没有这个组织单元。');
  }
}

export class NotAFamilyUserError extends ValidationFailedError {
  constructor() {
    super([{ path: '/userId', message: 'The user does not exist or does not have the family role.' }]);
    this.fieldsInChinese('该用户不存在，或不是家属账号。');
  }
}

export class FamilyLinkExistsError extends ConflictError {
  constructor() {
    super('Already linked', 'This family member is already linked to the resident.');
    this.inChinese('这位家属已经关联到该长者。');
  }
}
