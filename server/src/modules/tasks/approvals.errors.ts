import { ConflictError, ForbiddenError, ValidationFailedError } from '../../common/errors/domain.errors.js';

/** The move is the assignee's to make. */
export class NotYourTaskError extends ForbiddenError {
  constructor(move: string, assignee: string | null) {
    super(
      assignee === null
        ? `Nobody holds this task yet: claim it first, then ${move} it.`
        : `Only ${assignee}, who holds this task, may ${move} it.`,
    );
  }
}

export class TaskDelegatedError extends ConflictError {
  constructor(assignee: string | null, owner: string) {
    super(
      'Task delegated',
      `${owner} delegated this task to ${assignee ?? 'someone'}; it goes back to ${owner} when they resolve it.`,
    );
  }
}

export class TaskNotDelegatedError extends ConflictError {
  constructor() {
    super('Task not delegated', 'This task was not delegated to you: complete it instead of resolving it.');
  }
}

export class NotCountersignError extends ConflictError {
  constructor() {
    super(
      'Not a countersign',
      'Signers can only be added to a countersign (multi-instance) task; transfer or delegate this one.',
    );
  }
}

export class StandaloneTaskError extends ConflictError {
  constructor(move: string) {
    super('No process', `This task was made by a rule, outside any process: it cannot be ${move}.`);
  }
}

export class UnknownUserError extends ValidationFailedError {
  constructor(path: string, user: string) {
    super([{ path, message: `No user "${user}" in this organisation.` }], `No user "${user}".`);
  }
}

export class UnknownRoleError extends ValidationFailedError {
  constructor(path: string, role: string) {
    super([{ path, message: `No role "${role}".` }], `No role "${role}".`);
  }
}

/** A hand-off or copy to a family account or to the family role: tasks and instances are for staff. */
export class NotStaffError extends ValidationFailedError {
  constructor(path: string, name: string) {
    const message = `"${name}" is for family members, who see what the home shares in the family portal; choose a member of staff.`;
    super([{ path, message }], message);
  }
}

export class SameUserError extends ValidationFailedError {
  constructor(path: string, username: string, what: string) {
    super([{ path, message: `${username} ${what}; choose someone else.` }], `${username} ${what}.`);
  }
}

/** send-back to an element that is not an earlier completed user task of the instance. */
export class NotAnEarlierStepError extends ValidationFailedError {
  constructor(elementId: string | null, earlier: string[]) {
    const message =
      elementId === null
        ? 'No earlier step of this process was completed: there is nothing to send the task back to.'
        : `"${elementId}" is not an earlier completed step of this process` +
          (earlier.length > 0 ? ` (earlier steps: ${earlier.join(', ')}).` : '.');
    super([{ path: '/toElementId', message }], message);
  }
}

export class WithdrawRefusedError extends ConflictError {
  constructor(detail: string) {
    super('Cannot withdraw', detail);
  }
}

export class NothingToCopyError extends ValidationFailedError {
  constructor() {
    const message = 'Name at least one person (userIds) or role (roles) to copy to.';
    super([{ path: '/userIds', message }], message);
  }
}
