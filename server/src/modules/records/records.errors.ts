import { ConflictError, ValidationFailedError, type FieldError } from '../../common/errors/domain.errors.js';

export class StaleRecordError extends ConflictError {
  constructor(expected: number, actual: number) {
    super(
      'Record changed meanwhile',
      `Someone saved this record after you opened it (revision ${actual}, you sent ${expected}); reload it and apply your change again.`,
    );
    this.inChinese(
      `您打开这条记录后有人保存过它（现为第 ${actual} 版，您提交的是第 ${expected} 版）；请刷新后重新修改。`,
    );
  }
}

/** The submitted data breaks the form's rules: nothing was stored. */
export class InvalidRecordDataError extends ValidationFailedError {
  constructor(errors: FieldError[]) {
    super(
      errors.map((e) => ({ path: `/data${e.path}`, message: e.message })),
      `The form data has ${errors.length} problem(s); nothing was saved. See errors (paths point into data).`,
    );
    this.inChinese(`表单数据有 ${errors.length} 处问题，未保存；请看各字段的提示。`);
  }
}

/** A list or export query the records cannot answer: `message` in English, `zh` in Chinese (field and detail). */
export class InvalidRecordFilterError extends ValidationFailedError {
  constructor(path: string, message: string, zh: string) {
    super([{ path, message, zh }], message);
    this.inChinese(zh);
  }
}
