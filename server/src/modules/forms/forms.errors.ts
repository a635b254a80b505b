import { ConflictError, DomainError, type FieldError } from '../../common/errors/domain.errors.js';

export class FormKeyTakenError extends ConflictError {
  constructor(key: string) {
    super('Form key taken', `A form with the key "${key}" already exists; choose another key.`);
  }
}

export class StaleFormError extends ConflictError {
  constructor(expected: number, actual: number) {
    super(
      'Form changed meanwhile',
      `The draft was saved by someone else (version ${actual}, you sent ${expected}); reload it and apply your change again.`,
    );
  }
}

export class NothingToPublishError extends ConflictError {
  constructor(version: number) {
    super('Nothing to publish', `The draft has not changed since version ${version} was published.`);
  }
}

export class FormRetiredError extends ConflictError {
  constructor(key: string) {
    super('Form retired', `The form "${key}" is retired: no new records can be filled with it.`);
  }
}

export class FormNotPublishedError extends ConflictError {
  constructor(key: string) {
    super('Form not published', `The form "${key}" has no published version yet; publish it first.`);
  }
}

/** The schema would hurt at run time: each error points into the schema. */
export class InvalidFormSchemaError extends DomainError {
  constructor(errors: FieldError[]) {
    super(
      'invalid',
      'Invalid form schema',
      `The form schema has ${errors.length} problem(s); see errors (paths point into the schema).`,
      errors,
    );
  }
}
