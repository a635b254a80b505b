import {
  ConflictError,
  NotFoundError,
  ValidationFailedError,
  type FieldError,
} from '../../common/errors/domain.errors.js';

/** A report or dashboard spec that is not well-formed; paths are JSON pointers into the spec. */
export class InvalidReportSpecError extends ValidationFailedError {
  constructor(errors: FieldError[], what: 'report' | 'dashboard' = 'report', prefix = '') {
    super(
      errors.map((e) => ({ path: `${prefix}${e.path}`, message: e.message })),
      `The ${what} has ${errors.length} problem(s); nothing was saved or run. See errors.`,
    );
  }
}

/** A dataset naming fields its source does not have, or using them with the wrong type. */
export class InvalidDatasetError extends ValidationFailedError {
  constructor(errors: FieldError[]) {
    super(errors, `The dataset has ${errors.length} problem(s); see errors.`);
  }
}

export class InvalidReportQueryError extends ValidationFailedError {
  constructor(path: string, message: string) {
    super([{ path, message }], message);
  }
}

export class ReportNotFoundError extends NotFoundError {
  constructor(key: string) {
    super('Report', key);
  }
}

export class DashboardNotFoundError extends NotFoundError {
  constructor(key: string) {
    super('Dashboard', key);
  }
}

export class ReportKeyTakenError extends ConflictError {
  constructor(what: 'report' | 'dashboard', key: string) {
    super(
      `${what === 'report' ? 'Report' : 'Dashboard'} key taken`,
      `A ${what} with the key "${key}" already exists; choose another key, or PUT to save a new version.`,
    );
  }
}

export class StaleReportError extends ConflictError {
  constructor(what: 'report' | 'dashboard', expected: number, actual: number) {
    super(
      `${what === 'report' ? 'Report' : 'Dashboard'} changed meanwhile`,
      `The ${what} is at version ${actual}, you edited version ${expected}; reload it and apply your change again.`,
    );
  }
}
