import {
  ConflictError,
  NotFoundError,
  ValidationFailedError,
  type DomainError,
  type WordedFieldError,
} from '../../common/errors/domain.errors.js';

/**
 * An error's field problems with their Chinese wordings again, to pass them on to another error (e.g. under a
 * prefix): the errors themselves are kept without them.
 */
export function wordedErrors(error: DomainError): WordedFieldError[] {
  return error.errors.map((e, i) => {
    const zh = error.zh?.messages?.[i];
    return zh === undefined ? e : { ...e, zh };
  });
}

/** A report or dashboard spec that is not well-formed; paths are JSON pointers into the spec. */
export class InvalidReportSpecError extends ValidationFailedError {
  constructor(errors: WordedFieldError[], what: 'report' | 'dashboard' = 'report', prefix = '') {
    super(
      errors.map((e) => ({ ...e, path: `${prefix}${e.path}` })),
      `The ${what} has ${errors.length} problem(s); nothing was saved or run. See errors.`,
    );
    this.inChinese(
      `${what === 'report' ? '报表' : '看板'}有 ${errors.length} 处问题，未保存也未运行；请看各字段的提示。`,
    );
  }
}

/** A dataset naming fields its source does not have, or using them with the wrong type. */
export class InvalidDatasetError extends ValidationFailedError {
  constructor(errors: WordedFieldError[]) {
    super(errors, `The dataset has ${errors.length} problem(s); see errors.`);
    this.inChinese(`数据集有 ${errors.length} 处问题；请看各字段的提示。`);
  }
}

/** `zh`: the message in Chinese (zh-CN callers get the English one without it). */
export class InvalidReportQueryError extends ValidationFailedError {
  constructor(path: string, message: string, zh?: string) {
    super([{ path, message }], message);
    if (zh !== undefined) {
      this.inChinese(zh, zh);
    }
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
    this.inChinese(
      `标识为“${key}”的${what === 'report' ? '报表' : '看板'}已存在；请换一个标识，或用 PUT 保存为新版本。`,
    );
  }
}

export class StaleReportError extends ConflictError {
  constructor(what: 'report' | 'dashboard', expected: number, actual: number) {
    super(
      `${what === 'report' ? 'Report' : 'Dashboard'} changed meanwhile`,
      `The ${what} is at version ${actual}, you edited version ${expected}; reload it and apply your change again.`,
    );
    this.inChinese(
      `${what === 'report' ? '报表' : '看板'}现为第 ${actual} 版，您编辑的是第 ${expected} 版；请刷新后重新修改。`,
    );
  }
}
