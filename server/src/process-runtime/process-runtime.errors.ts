import type { EngineError } from '@careloom/engine';
import {
  ConflictError,
  DomainError,
  NotFoundError,
  ValidationFailedError,
  type FieldError,
} from '../common/errors/domain.errors.js';

/** Task and instance statuses as the Chinese UI names them. */
const TASK_STATUS_ZH: Readonly<Record<string, string>> = {
  completed: '完成',
  cancelled: '取消',
};
const INSTANCE_STATUS_ZH: Readonly<Record<string, string>> = {
  completed: '结束',
  cancelled: '终止',
  failed: '出错',
};

/** One deploy problem as the contract shows it: `path` points at the element for generic clients. */
export type DeployProblem = FieldError & { elementId: string | null; elementType: string | null };

/** The BPMN was refused: nothing was stored. `errors` carry the element id, type and a message. */
export class InvalidProcessModelError extends ValidationFailedError {
  constructor(problems: DeployProblem[]) {
    super(problems, `The process model has ${problems.length} problem(s); nothing was deployed. See errors.`);
    this.inChinese(`流程模型有 ${problems.length} 处问题，未部署；请看 errors 中各元素的提示。`);
  }
}

export class ProcessNotFoundError extends NotFoundError {
  constructor(key: string) {
    super('Process', key);
  }
}

export class ProcessInstanceNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Process instance', id);
  }
}

export class TaskNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Task', id);
  }
}

export class IncidentNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Incident', id);
  }
}

export class TaskNotOpenError extends ConflictError {
  constructor(id: string, status: string) {
    super('Task not open', `Task ${id} is ${status}; it cannot be changed any more.`);
    this.inChinese(`任务 ${id} 已${TASK_STATUS_ZH[status] ?? `是 ${status} 状态`}，不能再更改。`);
  }
}

export class TaskClaimedError extends ConflictError {
  constructor(id: string, assignee: string) {
    super('Task claimed', `Task ${id} is assigned to ${assignee}; ask them to unclaim or delegate it.`);
    this.inChinese(`任务 ${id} 已由 ${assignee} 认领；请对方释放或委派给您。`);
  }
}

export class InstanceNotActiveError extends ConflictError {
  constructor(id: string, status: string) {
    super('Process instance not active', `Process instance ${id} is ${status}.`);
    this.inChinese(`流程实例 ${id} 已${INSTANCE_STATUS_ZH[status] ?? `是 ${status} 状态`}。`);
  }
}

/** The engine refused the command in the instance's current state (a stale id, a finished token). */
export class EngineConflictError extends ConflictError {
  constructor(message: string) {
    super('Process state changed', message);
    this.inChinese(`流程状态刚刚变了（${message}）；请刷新后再试。`);
  }
}

export class NoMessageSubscriptionError extends DomainError {
  constructor(name: string, correlationKey: string | null) {
    super(
      'not-found',
      'Nothing waits for this message',
      `No process waits for message "${name}"${correlationKey === null ? '' : ` with correlation key "${correlationKey}"`}.`,
    );
    this.inChinese(
      `没有流程在等待消息“${name}”${correlationKey === null ? '' : `（关联键“${correlationKey}”）`}。`,
    );
  }
}

/** A simulation that cannot run: `message` in English, `zh` in Chinese. */
export class InvalidSimulationError extends ValidationFailedError {
  constructor(message: string, zh: string) {
    super([{ path: '', message, zh }], message);
    this.inChinese(zh);
  }

  /** The engine refused to simulate (its start instant, mostly); its message, worded in Chinese. */
  static ofEngine(error: EngineError): InvalidSimulationError {
    const start = /^simulation start is not an ISO instant: (.*)$/s.exec(error.message);
    return new InvalidSimulationError(
      error.message,
      start
        ? `模拟的开始时间 start 不是有效的时间点：${start[1]}；请写成例如 2030-01-01T08:00:00Z 的形式。`
        : `无法模拟（${error.code}：${error.message}）：请检查 start 和 script。`,
    );
  }
}
