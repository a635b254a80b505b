import {
  ConflictError,
  NotFoundError,
  ValidationFailedError,
  type WordedFieldError,
} from '../../common/errors/domain.errors.js';

export class CalendarNotFoundError extends NotFoundError {
  constructor(key: string) {
    super('Calendar', key);
  }
}

export class InvalidCalendarError extends ValidationFailedError {
  constructor(errors: WordedFieldError[]) {
    super(errors, `The calendar has ${errors.length} problem(s); nothing was saved. See errors.`);
    this.inChinese(`日历有 ${errors.length} 处问题，未保存；请看各字段的提示。`);
  }
}

export class StaleCalendarError extends ConflictError {
  constructor(expected: number, actual: number) {
    super(
      'Calendar changed meanwhile',
      `The calendar was saved by someone else (version ${actual}, you sent ${expected}); reload it and apply your change again.`,
    );
    this.inChinese(
      `日历已被他人保存（现为第 ${actual} 版，您提交的是第 ${expected} 版）；请刷新后重新修改。`,
    );
  }
}

export class DefaultCalendarRequiredError extends ConflictError {
  constructor(key: string) {
    super(
      'A default calendar is required',
      `"${key}" is the tenant's default calendar; make another calendar the default (isDefault: true) instead.`,
    );
    this.inChinese(`“${key}”是本机构的默认日历；请先把另一个日历设为默认（isDefault: true）。`);
  }
}
