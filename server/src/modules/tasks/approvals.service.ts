import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hasRole, isAdmin, holdsStaffRole, isFamilyOnly, type Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { ForbiddenError } from '../../common/errors/domain.errors.js';
import type { RequestLocale } from '../../common/http/locale.decorator.js';
import { Clock } from '../../common/time/clock.js';
import { TaskNotFoundError, TaskNotOpenError } from '../../process-runtime/process-runtime.errors.js';
import { ProcessRuntimeService } from '../../process-runtime/process-runtime.service.js';
import { ProcessesRepository } from '../../process-runtime/processes.repository.js';
import type { TaskEntity } from '../../process-runtime/task.entity.js';
import { TasksRepository } from '../../process-runtime/tasks.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { UserEntity } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { TRANSFER_ANY_ROLES } from './approval-rules.util.js';
import {
  NotAnEarlierStepError,
  NotCountersignError,
  NotStaffError,
  NothingToCopyError,
  NotYourTaskError,
  SameUserError,
  StandaloneTaskError,
  TaskDelegatedError,
  TaskNotDelegatedError,
  UnknownRoleError,
  UnknownUserError,
  WithdrawRefusedError,
} from './approvals.errors.js';
import { FieldRightsService } from './field-rights.service.js';
import { TaskHistoryService } from './task-history.service.js';
import { TasksService } from './tasks.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Colleague = { id: string; username: string; displayName: string; roles: string[] };
export type CopyRequest = { userIds?: string[]; roles?: string[]; note?: string };

/**
 * Approval moves on user tasks (转办, 委派, 加签, 退回, 撤回, 抄送). Each is one transaction: the instance row is
 * locked first (as completing a task does), the move checked against the caller's right, applied, written to
 * the instance history (who, when, why) and to the audit chain.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly inbox: TasksService,
    private readonly tasks: TasksRepository,
    private readonly processes: ProcessesRepository,
    private readonly runtime: ProcessRuntimeService,
    private readonly history: TaskHistoryService,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly fieldRights: FieldRightsService,
  ) {}

  /** Staff of the tenant to pick from (transfer, delegate, add a signer, copy). */
  async colleagues(actor: Actor): Promise<Colleague[]> {
    if (isFamilyOnly(actor)) {
      throw new ForbiddenError(
        'Family accounts cannot hand tasks to anyone.',
        '家属账号不能把任务交给他人。',
      );
    }
    return (await this.users.list(actor))
      .filter(({ user, memberships }) => user.active && holdsStaffRole(memberships))
      .map(({ user, memberships }) => ({
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        roles: [...new Set(memberships.map((m) => m.role))],
      }));
  }

  /** 转办: the task goes to someone else for good. The assignee, an administrator or a head nurse. */
  transfer(actor: Actor, id: string, toUserId: string, reason?: string): Promise<TaskEntity> {
    return this.transactions.run(async (manager) => {
      const task = await this.locked(manager, actor, id);
      this.assertOpen(task);
      this.assertNotDelegated(task);
      if (task.assignee !== actor.username && !hasRole(actor, TRANSFER_ANY_ROLES)) {
        throw new NotYourTaskError('transfer', task.assignee);
      }
      const to = await this.user(manager, actor, toUserId, '/toUserId');
      if (to.username === task.assignee) {
        throw new SameUserError('/toUserId', to.username, 'already holds this task');
      }
      const from = task.assignee;
      task.assignee = to.username;
      task.version += 1;
      await this.tasks.save(manager, task);
      await this.recordMove(manager, actor, task, 'transferred', reason, { from, to: to.username });
      await this.tell(manager, task, to, '转办给你 · Transferred to you', actor, reason);
      return task;
    });
  }

  /** 委派: someone works on the task for the holder and resolves it back; the holder completes it. */
  delegate(actor: Actor, id: string, toUserId: string | undefined, reason?: string): Promise<TaskEntity> {
    return this.transactions.run(async (manager) => {
      if (toUserId === undefined || toUserId === '') {
        throw new UnknownUserError('/toUserId', '');
      }
      const task = await this.locked(manager, actor, id);
      this.assertOpen(task);
      this.assertNotDelegated(task);
      if (task.assignee !== actor.username && !hasRole(actor, TRANSFER_ANY_ROLES)) {
        throw new NotYourTaskError('delegate', task.assignee);
      }
      const to = await this.user(manager, actor, toUserId, '/toUserId');
      const owner = task.assignee ?? actor.username;
      if (to.username === owner) {
        throw new SameUserError('/toUserId', to.username, 'would delegate to themselves');
      }
      task.owner = owner;
      task.assignee = to.username;
      task.version += 1;
      await this.tasks.save(manager, task);
      await this.recordMove(manager, actor, task, 'delegated', reason, { owner, to: to.username });
      await this.tell(manager, task, to, '委派给你 · Delegated to you', actor, reason);
      return task;
    });
  }

  /**
   * The delegate hands the task back to its owner, with their answer as the owner's draft (the step's hidden and
   * read-only fields as stored: a changed one is refused).
   */
  resolve(
    actor: Actor,
    id: string,
    data: Record<string, unknown> | undefined,
    reason?: string,
    locale: RequestLocale = 'zh-CN',
  ): Promise<TaskEntity> {
    return this.transactions.run(async (manager) => {
      const task = await this.locked(manager, actor, id);
      this.assertOpen(task);
      const owner = task.owner ?? null;
      if (owner === null) {
        throw new TaskNotDelegatedError();
      }
      if (task.assignee !== actor.username) {
        throw new NotYourTaskError('resolve', task.assignee);
      }
      task.assignee = owner;
      task.owner = null;
      task.draft = data ? await this.fieldRights.forDraft(manager, task, data, locale) : (task.draft ?? null);
      task.version += 1;
      await this.tasks.save(manager, task);
      await this.recordMove(manager, actor, task, 'resolved', reason, { owner });
      const ownerUser = await this.users.findByUsername(manager, owner);
      if (ownerUser) {
        await this.tell(manager, task, ownerUser, '委派已处理 · Delegation resolved', actor, reason);
      }
      return task;
    });
  }

  /** 加签: another signer in the countersign of this task, before (my task waits) or after me. */
  addSigner(
    actor: Actor,
    id: string,
    userId: string,
    position: 'before' | 'after',
    reason?: string,
  ): Promise<TaskEntity> {
    return this.transactions.run(async (manager) => {
      const task = await this.locked(manager, actor, id);
      this.assertOpen(task);
      this.assertNotDelegated(task);
      this.assertHolder(actor, task, 'add a signer to');
      if (!task.instanceId || (task.loopIndex ?? null) === null) {
        throw new NotCountersignError();
      }
      const signer = await this.user(manager, actor, userId, '/userId');
      await this.recordMove(manager, actor, task, 'signer-added', reason, {
        signer: signer.username,
        position,
      });
      await this.runtime.command(manager, task.instanceId, {
        type: 'add-instance',
        taskId: task.engineTaskId,
        item: signer.username,
        position,
      });
      await this.tell(manager, task, signer, '加签 · Added as a signer', actor, reason);
      return (await this.tasks.find(manager, actor.tenantId, task.id)) ?? task;
    });
  }

  /**
   * 退回: this task is cancelled and an earlier completed step of the instance opens again for its last
   * assignee, starting from its last submitted data. Returns the reopened task.
   */
  sendBack(actor: Actor, id: string, toElementId: string | undefined, reason: string): Promise<TaskEntity> {
    return this.transactions.run(async (manager) => {
      const task = await this.locked(manager, actor, id);
      this.assertOpen(task);
      this.assertNotDelegated(task);
      this.assertHolder(actor, task, 'send back');
      const instanceId = task.instanceId;
      if (!instanceId) {
        throw new StandaloneTaskError('sent back');
      }
      const all = await this.tasks.byInstance(manager, instanceId);
      const earlier = all
        .filter((t) => t.status === 'completed' && t.elementId !== task.elementId && t.completedAt !== null)
        .sort((a, b) => (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0));
      const targetId = toElementId ?? earlier[0]?.elementId ?? null;
      const last = earlier.find((t) => t.elementId === targetId);
      if (targetId === null || !last) {
        throw new NotAnEarlierStepError(toElementId ?? null, [...new Set(earlier.map((t) => t.elementId))]);
      }
      await this.recordMove(manager, actor, task, 'sent-back', reason, {
        toElementId: targetId,
        toName: last.name,
      });
      return this.reopen(manager, instanceId, [task], last, 'sent back');
    });
  }

  /**
   * 撤回: the caller takes back a task they completed while the step(s) it led to are untouched (open, never
   * claimed, handed on or drafted). Those are cancelled and the task opens again with the caller's data.
   */
  withdraw(actor: Actor, id: string, reason: string): Promise<TaskEntity> {
    return this.transactions.run(async (manager) => {
      const task = await this.locked(manager, actor, id);
      if (task.status !== 'completed') {
        throw new WithdrawRefusedError(
          `This task is ${task.status}; only a completed task can be withdrawn.`,
          '只有已完成的任务才能撤回。',
        );
      }
      if (task.completedBy !== actor.userId) {
        throw new ForbiddenError(
          'Only whoever completed a task may withdraw it.',
          '只有完成任务的人才能撤回它。',
        );
      }
      const instanceId = task.instanceId;
      if (!instanceId) {
        throw new StandaloneTaskError('withdrawn');
      }
      const completion = await this.processes.latestTaskEvent(manager, instanceId, task.id, 'completed');
      const nextIds = completion?.details?.['nextTaskIds'];
      const all = await this.tasks.byInstance(manager, instanceId);
      const next = all.filter((t) => Array.isArray(nextIds) && nextIds.includes(t.id));
      if (next.length === 0) {
        throw new WithdrawRefusedError(
          'Completing this task did not hand it to a next person (the process went on or ended): it cannot be withdrawn.',
          '完成这个任务后流程没有交给下一位处理人（流程已继续或已结束），不能撤回。',
        );
      }
      const acted = next.find(
        (t) =>
          t.status !== 'open' || t.version > 1 || (t.draft ?? null) !== null || (t.owner ?? null) !== null,
      );
      if (acted) {
        throw new WithdrawRefusedError(
          `The next step "${acted.name}" has already been ${acted.status === 'open' ? 'taken up' : acted.status}; ask ${acted.assignee ?? 'its holder'} to send it back instead.`,
          `下一步“${acted.name}”已${acted.status === 'open' ? '被认领' : acted.status === 'completed' ? '完成' : '结束'}；请 ${acted.assignee ?? '其处理人'} 退回给您。`,
        );
      }
      if (next.some((t) => t.elementId === task.elementId)) {
        throw new WithdrawRefusedError(
          'A countersign vote cannot be withdrawn once the next signer has the task.',
          '下一位会签人已接手，会签意见不能再撤回。',
        );
      }
      await this.recordMove(manager, actor, task, 'withdrawn', reason, {
        cancelledTaskIds: next.map((t) => t.id),
      });
      return this.reopen(manager, instanceId, next, task, 'withdrawn');
    });
  }

  /** 抄送: people or roles get a read-only notification and may read the instance. */
  copy(actor: Actor, id: string, request: CopyRequest): Promise<{ users: string[]; roles: string[] }> {
    return this.transactions.run(async (manager) => {
      const task = await this.inbox.visible(manager, actor, id);
      const instanceId = task.instanceId;
      if (!instanceId) {
        throw new StandaloneTaskError('copied');
      }
      if (task.assignee !== actor.username && task.completedBy !== actor.userId && !isAdmin(actor)) {
        throw new NotYourTaskError('copy', task.assignee);
      }
      const userIds = [...new Set(request.userIds ?? [])];
      const roleKeys = [...new Set(request.roles ?? [])];
      if (userIds.length === 0 && roleKeys.length === 0) {
        throw new NothingToCopyError();
      }
      const users: UserEntity[] = [];
      for (const [index, userId] of userIds.entries()) {
        users.push(await this.user(manager, actor, userId, `/userIds/${index}`));
      }
      const known = new Set((await this.users.roles(actor)).map((role) => role.key));
      roleKeys.forEach((role, index) => {
        if (!known.has(role)) {
          throw new UnknownRoleError(`/roles/${index}`, role);
        }
        if (role === 'family') {
          // a role copy lets every holder read the instance: every family account of the home
          throw new NotStaffError(`/roles/${index}`, role);
        }
      });
      const now = this.clock.now();
      await this.processes.insertViewers(manager, [
        ...users.map((user) => ({
          tenantId: actor.tenantId,
          instanceId,
          userId: user.id,
          role: null,
          addedBy: actor.userId,
          createdAt: now,
        })),
        ...roleKeys.map((role) => ({
          tenantId: actor.tenantId,
          instanceId,
          userId: null,
          role,
          addedBy: actor.userId,
          createdAt: now,
        })),
      ]);
      const content = this.message(task, `抄送 · CC: ${task.name}`, actor, request.note, 'task.copied');
      for (const user of users) {
        await this.notifications.notify(manager, actor.tenantId, { userId: user.id }, content);
      }
      for (const role of roleKeys) {
        await this.notifications.notify(manager, actor.tenantId, { role }, content);
      }
      const result = { users: users.map((user) => user.username), roles: roleKeys };
      await this.recordMove(manager, actor, task, 'copied', request.note, result);
      return result;
    });
  }

  /**
   * Moves the instance from the tokens of `from` back to `to`'s element (engine `move`) and gives the reopened
   * task to `to`'s last holder with `to`'s submitted data as the draft.
   */
  private async reopen(
    manager: EntityManager,
    instanceId: string,
    from: TaskEntity[],
    to: TaskEntity,
    how: string,
  ): Promise<TaskEntity> {
    const single = (to.loopIndex ?? null) === null;
    const { createdTaskIds } = await this.runtime.step(manager, instanceId, {
      type: 'move',
      taskIds: from.map((t) => t.engineTaskId),
      toElementId: to.elementId,
      ...(single && to.outcome ? { variables: to.outcome } : {}),
    });
    // the step's new task rows (still open after it), read once
    const created = new Set(createdTaskIds);
    const reopened = (await this.tasks.byInstance(manager, instanceId)).filter(
      (t) => created.has(t.id) && t.elementId === to.elementId,
    );
    const [first] = reopened;
    if (!first) {
      throw new WithdrawRefusedError(
        `The step could not be ${how}: the process did not reopen it.`,
        `流程没有重新打开这一步，无法${how === 'withdrawn' ? '撤回' : '退回'}。`,
      );
    }
    if (single) {
      first.assignee = to.assignee;
      first.draft = to.outcome;
      await this.tasks.save(manager, first);
    }
    return first;
  }

  /**
   * The task locked for a move, as completing it locks it: one statement locks its instance first (the order
   * complete and the runtime use), then the task, and checks the resident's access scope; the runtime's commands in
   * this transaction use that instance row.
   */
  private async locked(manager: EntityManager, actor: Actor, id: string): Promise<TaskEntity> {
    const found = isFamilyOnly(actor) ? null : await this.tasks.lockForWork(manager, actor, id);
    if (!found?.visible) {
      throw new TaskNotFoundError(id);
    }
    if (found.instance) {
      this.runtime.adoptLockedInstance(manager, found.instance);
    }
    return found.task;
  }

  private assertOpen(task: TaskEntity): void {
    if (task.status !== 'open') {
      throw new TaskNotOpenError(task.id, task.status);
    }
  }

  private assertNotDelegated(task: TaskEntity): void {
    if (task.owner) {
      throw new TaskDelegatedError(task.assignee, task.owner);
    }
  }

  private assertHolder(actor: Actor, task: TaskEntity, move: string): void {
    if (task.assignee !== actor.username) {
      throw new NotYourTaskError(move, task.assignee);
    }
  }

  private async user(
    manager: EntityManager,
    actor: Actor,
    idOrName: string,
    path: string,
  ): Promise<UserEntity> {
    const user = UUID.test(idOrName)
      ? await this.users.findById(manager, actor.tenantId, idOrName)
      : await this.users.findByUsername(manager, idOrName);
    if (!user || user.tenantId !== actor.tenantId || !user.active) {
      throw new UnknownUserError(path, idOrName);
    }
    // the colleagues list offers staff only: a family account works no task and reads no instance (it would read
    // one about another family's relative); the family portal shows families what the home shares with them
    if (!holdsStaffRole(await this.users.memberships(manager, user.id))) {
      throw new NotStaffError(path, user.username);
    }
    return user;
  }

  private async recordMove(
    manager: EntityManager,
    actor: Actor,
    task: TaskEntity,
    event: string,
    reason: string | undefined,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.history.record(manager, actor, task, event, reason ?? null, details);
    await this.audit.record(manager, actor, {
      action: `task.${event}`,
      entityType: 'task',
      entityId: task.id,
      details: { instanceId: task.instanceId, elementId: task.elementId, reason: reason ?? null, ...details },
    });
  }

  private message(task: TaskEntity, title: string, actor: Actor, text: string | undefined, type: string) {
    return {
      title,
      body: `${task.name} — ${actor.displayName}${text ? `: ${text}` : ''}`,
      payload: {
        type,
        taskId: task.id,
        ...(task.residentId ? { residentId: task.residentId } : {}),
        ...(task.instanceId ? { instanceId: task.instanceId } : {}),
      },
      instanceId: task.instanceId,
      residentId: task.residentId,
    };
  }

  private async tell(
    manager: EntityManager,
    task: TaskEntity,
    to: UserEntity,
    title: string,
    actor: Actor,
    reason: string | undefined,
  ): Promise<void> {
    await this.notifications.notify(
      manager,
      task.tenantId,
      { userId: to.id },
      this.message(task, `${title}: ${task.name}`, actor, reason, 'task.assigned'),
    );
  }
}
