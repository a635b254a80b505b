import { ConflictError, ForbiddenError, ValidationFailedError } from '../../common/errors/domain.errors.js';

/** The approval moves as the Chinese UI names them (what `move` says in the messages below). */
const MOVE_ZH: Readonly<Record<string, string>> = {
  transfer: '转办',
  delegate: '委派',
  resolve: '办理交回',
  'add a signer to': '加签',
  'send back': '退回',
  'sent back': '退回',
  withdrawn: '撤回',
  copy: '抄送',
  copied: '抄送',
};

/** What SameUserError says of the user, in Chinese. */
const SAME_USER_ZH: Readonly<Record<string, string>> = {
  'already holds this task': '已经是这个任务的处理人',
  'would delegate to themselves': '不能委派给自己',
};

/** The move is the assignee's to make. */
export class NotYourTaskError extends ForbiddenError {
  constructor(move: string, assignee: string | null) {
    super(
      assignee === null
        ? `Nobody holds this task yet: claim it first, then ${move} it.`
        : `Only ${assignee}, who holds this task, may ${move} it.`,
    );
    this.inChinese(
      assignee === null
        ? `这个任务还没有人认领：请先认领，再${MOVE_ZH[move] ?? move}。`
        : `只有认领了这个任务的 ${assignee} 才能${MOVE_ZH[move] ?? move}。`,
    );
  }
}

export class TaskDelegatedError extends ConflictError {
  constructor(assignee: string | null, owner: string) {
    super(
      'Task delegated',
      `${owner} delegated this task to ${assignee ?? 'someone'}; it goes back to ${owner} when they resolve it.`,
    );
    this.inChinese(`${owner} 已把这个任务委派给 ${assignee ?? '他人'}；对方办理后任务会回到 ${owner}。`);
  }
}

export class TaskNotDelegatedError extends ConflictError {
  constructor() {
    super('Task not delegated', 'This task was not delegated to you: complete it instead of resolving it.');
    this.inChinese('这个任务不是委派给您的：请直接完成，而不是“办理完毕交回”。');
  }
}

export class NotCountersignError extends ConflictError {
  constructor() {
    super(
      'Not a countersign',
      'Signers can only be added to a countersign (multi-instance) task; transfer or delegate this one.',
    );
    this.inChinese('只有会签（多实例）任务才能加签；这个任务请转办或委派。');
  }
}

export class StandaloneTaskError extends ConflictError {
  constructor(move: string) {
    super('No process', `This task was made by a rule, outside any process: it cannot be ${move}.`);
    this.inChinese(`这个任务由规则生成，不属于任何流程，不能${MOVE_ZH[move] ?? move}。`);
  }
}

export class UnknownUserError extends ValidationFailedError {
  constructor(path: string, user: string) {
    super([{ path, message: `No user "${user}" in this organisation.` }], `No user "${user}".`);
    this.inChinese(`没有用户“${user}”。`, `本机构没有用户“${user}”。`);
  }
}

export class UnknownRoleError extends ValidationFailedError {
  constructor(path: string, role: string) {
    super([{ path, message: `No role "${role}".` }], `No role "${role}".`);
    this.inChinese(`没有角色“${role}”。`, `没有角色“${role}”。`);
  }
}

/** A hand-off or copy to a family account or to the family role: tasks and instances are for staff. */
export class NotStaffError extends ValidationFailedError {
  constructor(path: string, name: string) {
    const message = `"${name}" is for family members, who see what the home shares in the family portal; choose a member of staff.`;
    super([{ path, message }], message);
    const zh = `“${name}”是家属账号，家属在家属端查看机构分享的内容；请选择一位员工。`;
    this.inChinese(zh, zh);
  }
}

export class SameUserError extends ValidationFailedError {
  constructor(path: string, username: string, what: string) {
    super([{ path, message: `${username} ${what}; choose someone else.` }], `${username} ${what}.`);
    this.inChinese(
      `${username} ${SAME_USER_ZH[what] ?? what}。`,
      `${username} ${SAME_USER_ZH[what] ?? what}；请选择其他人。`,
    );
  }
}

/** send-back to an element that is not an earlier completed user task of the instance. */
export class NotAnEarlierStepError extends ValidationFailedError {
  constructor(elementId: string | null, earlier: string[]) {
    const message =
      elementId === null
        ? 'No earlier step of this process was completed: there is nothing to send the task back to.'
        : `"${elementId}" is not an earlier completed step of this process` +
          (earlier.length > 0 ? ` (earlier steps: ${earlier.join(', ')}).` : '.');
    super([{ path: '/toElementId', message }], message);
    const zh =
      elementId === null
        ? '这个流程还没有已完成的前序步骤，无处退回。'
        : `“${elementId}”不是这个流程已完成的前序步骤` +
          (earlier.length > 0 ? `（前序步骤：${earlier.join('、')}）。` : '。');
    this.inChinese(zh, zh);
  }
}

export class WithdrawRefusedError extends ConflictError {
  constructor(detail: string, zh: string) {
    super('Cannot withdraw', detail);
    this.inChinese(zh);
  }
}

export class NothingToCopyError extends ValidationFailedError {
  constructor() {
    const message = 'Name at least one person (userIds) or role (roles) to copy to.';
    super([{ path: '/userIds', message }], message);
    const zh = '请至少选择一位抄送人（userIds）或一个抄送角色（roles）。';
    this.inChinese(zh, zh);
  }
}
