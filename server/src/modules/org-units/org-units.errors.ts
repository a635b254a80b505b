import { ValidationFailedError } from '../../common/errors/domain.errors.js';

export class UnknownCalendarError extends ValidationFailedError {
  constructor(key: string) {
    super(
      [
        {
          path: '/calendarKey',
          message: `There is no calendar "${key}": see GET /api/calendars, or send null for the tenant default.`,
        },
      ],
      'The org unit names an unknown calendar.',
    );
  }
}

export class OrgUnitHierarchyError extends ValidationFailedError {
  constructor(kind: string, parentKind: string | null) {
    super(
      [
        {
          path: '/parentId',
          message: parentKind
            ? `A ${kind} cannot be placed under a ${parentKind}: institution → branch → building → wing.`
            : `A ${kind} needs a parent unit: institution → branch → building → wing.`,
        },
      ],
      'The org unit does not fit the hierarchy.',
    );
  }
}
