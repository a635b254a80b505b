import { ConflictError, ForbiddenError, ValidationFailedError } from '../../common/errors/domain.errors.js';
import type { ResidentStatus } from './resident.entity.js';
import { RESIDENT_TRANSITIONS } from './resident-status.util.js';

export class IllegalStatusTransitionError extends ConflictError {
  constructor(from: ResidentStatus, to: ResidentStatus) {
    const allowed = RESIDENT_TRANSITIONS[from];
    super(
      'Status change not allowed',
      `A resident in status "${from}" cannot move to "${to}"; ` +
        (allowed.length ? `allowed next: ${allowed.join(', ')}.` : `"${from}" is final.`),
    );
  }
}

export class StaleResidentError extends ConflictError {
  constructor() {
    super('Resident changed meanwhile', 'Someone else changed this resident; reload and try again.');
  }
}

export class OrgUnitOutOfScopeError extends ForbiddenError {
  constructor() {
    super('You may only place residents in org units you work in (or below them).');
  }
}

export class UnknownResidentOrgUnitError extends ValidationFailedError {
  constructor() {
    super([{ path: '/orgUnitId', message: 'No such org unit in this tenant.' }]);
  }
}

export class NotAFamilyUserError extends ValidationFailedError {
  constructor() {
    super([{ path: '/userId', message: 'The user does not exist or does not have the family role.' }]);
  }
}

export class FamilyLinkExistsError extends ConflictError {
  constructor() {
    super('Already linked', 'This family member is already linked to the resident.');
  }
}
