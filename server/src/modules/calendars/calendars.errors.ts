import {
  ConflictError,
  NotFoundError,
  ValidationFailedError,
  type FieldError,
} from '../../common/errors/domain.errors.js';

export class CalendarNotFoundError extends NotFoundError {
  constructor(key: string) {
    super('Calendar', key);
  }
}

export class InvalidCalendarError extends ValidationFailedError {
  constructor(errors: FieldError[]) {
    super(errors, `The calendar has ${errors.length} problem(s); nothing was saved. See errors.`);
  }
}

export class StaleCalendarError extends ConflictError {
  constructor(expected: number, actual: number) {
    super(
      'Calendar changed meanwhile',
      `The calendar was saved by someone else (version ${actual}, you sent ${expected}); reload it and apply your change again.`,
    );
  }
}

export class DefaultCalendarRequiredError extends ConflictError {
  constructor(key: string) {
    super(
      'A default calendar is required',
      `"${key}" is the tenant's default calendar; make another calendar the default (isDefault: true) instead.`,
    );
  }
}
