import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationFailedError,
} from '../../common/errors/domain.errors.js';

export class WorkOrderNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Work order', id);
  }
}

/** The complaint-workorder bundle (intake form and process) has not been imported into this tenant. */
export class WorkOrdersNotInstalledError extends ConflictError {
  constructor(missing: string) {
    super(
      'Work orders are not set up',
      `${missing} is missing: an administrator must import the "complaint-workorder" template bundle (designer → Templates → Import) before complaints can be filed.`,
    );
  }
}

/** A family member filing for (or rating a work order of) a resident not linked to them. */
export class NotLinkedResidentError extends ForbiddenError {
  constructor() {
    super('You can file and rate complaints only for a resident linked to your family account.');
  }
}

export class StaffRatingError extends ForbiddenError {
  constructor(taskId: string | null) {
    super(
      taskId
        ? `Staff record the complainant's answers on the callback task: open /tasks/${taskId}.`
        : "Staff record the complainant's answers on the callback task once it is open.",
    );
  }
}

export class WorkOrderNotResolvedError extends ConflictError {
  constructor(businessKey: string) {
    super(
      'Not resolved yet',
      `Work order ${businessKey} is still being handled; you can rate it once the home has resolved it.`,
    );
  }
}

export class WorkOrderAlreadyRatedError extends ConflictError {
  constructor(businessKey: string) {
    super(
      'Already rated',
      `Work order ${businessKey} has already been rated (or closed); it can be rated once.`,
    );
  }
}

export class InvalidWorkOrderQueryError extends ValidationFailedError {
  constructor(path: string, message: string) {
    super([{ path, message }], message);
  }
}
