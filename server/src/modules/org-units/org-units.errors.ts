import { ValidationFailedError } from '../../common/errors/domain.errors.js';

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
