import { ConflictError, ValidationFailedError, type FieldError } from '../../common/errors/domain.errors.js';

export class RuleKeyTakenError extends ConflictError {
  constructor(key: string) {
    super('Rule key taken', `A rule with the key "${key}" already exists; choose another key.`);
  }
}

export class StaleRuleError extends ConflictError {
  constructor(expected: number, actual: number) {
    super(
      'Rule changed meanwhile',
      `The rule was saved by someone else (version ${actual}, you sent ${expected}); reload it and apply your change again.`,
    );
  }
}

export class InvalidRuleError extends ValidationFailedError {
  constructor(errors: FieldError[]) {
    super(
      errors.map((e) => ({ path: `/definition${e.path}`, message: e.message })),
      `The rule has ${errors.length} problem(s); nothing was saved. See errors.`,
    );
  }
}

export class InvalidLogicError extends ValidationFailedError {
  constructor(path: string, message: string) {
    super([{ path, message }], message);
  }
}
