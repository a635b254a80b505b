import { ConflictError, ForbiddenError, NotFoundError } from '../../common/errors/domain.errors.js';

export class WorkOrderNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Work order', id);
  }
}

/** The complaint-workorder bundle (intake form and process) has not been imported into this tenant. */
export class WorkOrdersNotInstalledError extends ConflictError {
  constructor(missing: string) {
    super(
      'Work orders are not set up',
      `${missing} is missing: an administrator must import the "complaint-workorder" template bundle (designer → Templates → Import) before complaints can be filed.`,
    );
    this.inChinese(
      `缺少 ${missing}：需要管理员先导入“complaint-workorder”模板包（设计器 → 模板 → 导入），才能登记投诉。`,
    );
  }
}

/** A family member filing for (or rating a work order of) a resident not linked to them. */
export class NotLinkedResidentError extends ForbiddenError {
  constructor() {
    super('You can file and rate complaints only for a resident linked to your family account.');
    this.inChinese('只能为关联到您家属账号的长者登记和评价投诉。');
  }
}

export class StaffRatingError extends ForbiddenError {
  constructor(taskId: string | null) {
    super(
      taskId
        ? `Staff record the complainant's answers on the callback task: open /tasks/${taskId}.`
        : "Staff record the complainant's answers on the callback task once it is open.",
    );
    this.inChinese(
      taskId
        ? `员工请在回访任务中记录投诉人的评价：打开 /tasks/${taskId}。`
        : '员工请在回访任务开启后，在其中记录投诉人的评价。',
    );
  }
}

export class WorkOrderNotResolvedError extends ConflictError {
  constructor(businessKey: string) {
    super(
      'Not resolved yet',
      `Work order ${businessKey} is still being handled; you can rate it once the home has resolved it.`,
    );
    this.inChinese(`工单 ${businessKey} 还在处理中；机构处理完毕后才能评价。`);
  }
}

export class WorkOrderAlreadyRatedError extends ConflictError {
  constructor(businessKey: string) {
    super(
      'Already rated',
      `Work order ${businessKey} has already been rated (or closed); it can be rated once.`,
    );
    this.inChinese(`工单 ${businessKey} 已评价过（或已关闭）；每个工单只能评价一次。`);
  }
}
