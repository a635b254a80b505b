import { DomainError, ValidationFailedError, type FieldError } from '../../common/errors/domain.errors.js';

/** The task's form refused the data: nothing was completed or stored. */
export class InvalidTaskDataError extends ValidationFailedError {
  constructor(errors: FieldError[]) {
    super(
      errors.map((e) => ({ path: `/data${e.path}`, message: e.message })),
      `The form data has ${errors.length} problem(s); the task was not completed. See errors (paths point into data).`,
    );
    this.inChinese(`表单数据有 ${errors.length} 处问题，任务未完成；请看各字段的提示。`);
  }
}

/** The task has no form (`formKey`): there is nothing to show at `/form`. */
export class TaskHasNoFormError extends DomainError {
  constructor(id: string) {
    super('not-found', 'Task has no form', `The task ${id} has no form; complete it without data.`);
    this.inChinese(`任务 ${id} 没有表单，直接完成即可。`);
  }
}
