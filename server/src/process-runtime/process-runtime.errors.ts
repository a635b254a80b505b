import {
  ConflictError,
  DomainError,
  NotFoundError,
  ValidationFailedError,
  type FieldError,
} from '../common/errors/domain.errors.js';

/** One deploy problem as the contract shows it: `path` points at the element for generic clients. */
export type DeployProblem = FieldError & { elementId: string | null; elementType: string | null };

/** The BPMN was refused: nothing was stored. `errors` carry the element id, type and a message. */
export class InvalidProcessModelError extends ValidationFailedError {
  constructor(problems: DeployProblem[]) {
    super(problems, `The process model has ${problems.length} problem(s); nothing was deployed. See errors.`);
  }
}

export class ProcessNotFoundError extends NotFoundError {
  constructor(key: string) {
    super('Process', key);
  }
}

export class ProcessInstanceNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Process instance', id);
  }
}

export class TaskNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Task', id);
  }
}

export class IncidentNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Incident', id);
  }
}

export class TaskNotOpenError extends ConflictError {
  constructor(id: string, status: string) {
    super('Task not open', `Task ${id} is ${status}; it cannot be changed any more.`);
  }
}

export class TaskClaimedError extends ConflictError {
  constructor(id: string, assignee: string) {
    super('Task claimed', `Task ${id} is assigned to ${assignee}; ask them to unclaim or delegate it.`);
  }
}

export class InstanceNotActiveError extends ConflictError {
  constructor(id: string, status: string) {
    super('Process instance not active', `Process instance ${id} is ${status}.`);
  }
}

/** The engine refused the command in the instance's current state (a stale id, a finished token). */
export class EngineConflictError extends ConflictError {
  constructor(message: string) {
    super('Process state changed', message);
  }
}

export class NoMessageSubscriptionError extends DomainError {
  constructor(name: string, correlationKey: string | null) {
    super(
      'not-found',
      'Nothing waits for this message',
      `No process waits for message "${name}"${correlationKey === null ? '' : ` with correlation key "${correlationKey}"`}.`,
    );
  }
}

export class InvalidSimulationError extends ValidationFailedError {
  constructor(message: string) {
    super([{ path: '', message }], message);
  }
}
