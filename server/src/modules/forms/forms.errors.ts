import { ConflictError, DomainError, type FieldError } from '../../common/errors/domain.errors.js';

export class FormKeyTakenError extends ConflictError {
  constructor(key: string) {
    super('Form key taken', `A form with the key "${key}" already exists; choose another key.`);
    this.inChinese(`标识为“${key}”的表单已存在；请换一个标识。`);
  }
}

export class StaleFormError extends ConflictError {
  constructor(expected: number, actual: number) {
    super(
      'Form changed meanwhile',
      `The draft was saved by someone else (version ${actual}, you sent ${expected}); reload it and apply your change again.`,
    );
    this.inChinese(
      `草稿已被他人保存（现为第 ${actual} 版，您提交的是第 ${expected} 版）；请刷新后重新修改。`,
    );
  }
}

export class NothingToPublishError extends ConflictError {
  constructor(version: number) {
    super('Nothing to publish', `The draft has not changed since version ${version} was published.`);
    this.inChinese(`自第 ${version} 版发布以来草稿没有改动，无需发布。`);
  }
}

export class FormRetiredError extends ConflictError {
  constructor(key: string) {
    super('Form retired', `The form "${key}" is retired: no new records can be filled with it.`);
    this.inChinese(`表单“${key}”已停用，不能再用它填写新记录。`);
  }
}

export class FormNotPublishedError extends ConflictError {
  constructor(key: string) {
    super('Form not published', `The form "${key}" has no published version yet; publish it first.`);
    this.inChinese(`表单“${key}”还没有发布的版本；请先发布。`);
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
    this.inChinese(`表单结构有 ${errors.length} 处问题；请看 errors 中的提示（路径指向表单结构）。`);
  }
}
