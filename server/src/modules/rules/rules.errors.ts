import {
  ConflictError,
  ValidationFailedError,
  type WordedFieldError,
} from '../../common/errors/domain.errors.js';

export class RuleKeyTakenError extends ConflictError {
  constructor(key: string) {
    super('Rule key taken', `A rule with the key "${key}" already exists; choose another key.`);
    this.inChinese(`标识为“${key}”的规则已存在；请换一个标识。`);
  }
}

export class StaleRuleError extends ConflictError {
  constructor(expected: number, actual: number) {
    super(
      'Rule changed meanwhile',
      `The rule was saved by someone else (version ${actual}, you sent ${expected}); reload it and apply your change again.`,
    );
    this.inChinese(
      `规则已被他人保存（现为第 ${actual} 版，您提交的是第 ${expected} 版）；请刷新后重新修改。`,
    );
  }
}

export class InvalidRuleError extends ValidationFailedError {
  constructor(errors: WordedFieldError[]) {
    super(
      errors.map((e) => ({ ...e, path: `/definition${e.path}` })),
      `The rule has ${errors.length} problem(s); nothing was saved. See errors.`,
    );
    this.inChinese(`规则有 ${errors.length} 处问题，未保存；请看各字段的提示。`);
  }
}

/** `zh`: the message in Chinese (zh-CN callers get the English one without it). */
export class InvalidLogicError extends ValidationFailedError {
  constructor(path: string, message: string, zh?: string) {
    super([{ path, message, ...(zh === undefined ? {} : { zh }) }], message);
    if (zh !== undefined) {
      this.inChinese(zh);
    }
  }
}
