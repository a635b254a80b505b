import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isAdmin, isFamilyOnly, type Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { DomainEvents, type DomainEvent } from '../../common/events/domain-events.js';
import { ForbiddenError, NotFoundError } from '../../common/errors/domain.errors.js';
import type { RequestLocale } from '../../common/http/locale.decorator.js';
import { Clock } from '../../common/time/clock.js';
import { formKeyOf } from '../../process-runtime/instance-view.util.js';
import {
  TaskClaimedError,
  TaskNotFoundError,
  TaskNotOpenError,
} from '../../process-runtime/process-runtime.errors.js';
import type { ProcessInstanceEntity } from '../../process-runtime/process-instance.entity.js';
import { ProcessRuntimeService } from '../../process-runtime/process-runtime.service.js';
import { StepWrites } from '../../process-runtime/step-writes.repository.js';
import type { TaskEntity, TaskStatus } from '../../process-runtime/task.entity.js';
import {
  TasksRepository,
  type ListedTask,
  type TaskWithResidentName,
} from '../../process-runtime/tasks.repository.js';
import { AuditService } from '../audit/audit.service.js';
import { FormsService } from '../forms/forms.service.js';
import { RecordsService } from '../records/records.service.js';
import { ResidentsService } from '../residents/residents.service.js';
import { TaskDelegatedError } from './approvals.errors.js';
import { FieldRightsService, type TaskFormView } from './field-rights.service.js';
import { TaskHistoryService } from './task-history.service.js';
import { InvalidTaskDataError, TaskHasNoFormError } from './tasks.errors.js';

export type TaskQuery = {
  processInstanceId?: string;
  residentId?: string;
  mine?: boolean;
  candidate?: boolean;
  overdue?: boolean;
  done?: boolean;
  status?: TaskStatus;
};

/**
 * How another module's use case completes a task: in its own transaction (`manager`), and, with
 * `authorizedBy` (the use case's name, kept in the history row), for a caller it has already authorized
 * outside the inbox's rules (work orders: the family member's rating completes the steward's callback).
 */
export type CompleteOptions = { manager?: EntityManager; authorizedBy?: string };

/** The task inbox: list, claim, unclaim, delegate and complete (with the task's form). */
@Injectable()
export class TasksService {
  constructor(
    private readonly transactions: Transactions,
    private readonly tasks: TasksRepository,
    private readonly runtime: ProcessRuntimeService,
    private readonly forms: FormsService,
    private readonly records: RecordsService,
    private readonly residents: ResidentsService,
    private readonly history: TaskHistoryService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
    private readonly fieldRights: FieldRightsService,
  ) {}

  list(actor: Actor, query: TaskQuery): Promise<ListedTask[]> {
    if (isFamilyOnly(actor)) {
      return Promise.resolve([]);
    }
    // the done list is a look back (where a withdraw starts), not a work queue: the latest 50
    const limit = query.done ? 50 : 500;
    return this.tasks.list(this.transactions.manager, actor, { ...query, now: this.clock.now(), limit });
  }

  /** A task the caller may see (resident-linked tasks follow the resident's access scope). */
  async visible(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
    onBehalf = false,
  ): Promise<TaskEntity> {
    return (await this.visibleWithResident(manager, actor, id, lock, onBehalf)).task;
  }

  /** `visible`, with the name of the resident it is about (read for the access check anyway). */
  private async visibleWithResident(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
    onBehalf = false,
  ): Promise<{ task: TaskEntity; residentName: string | null }> {
    const task =
      isFamilyOnly(actor) && !onBehalf ? null : await this.tasks.find(manager, actor.tenantId, id, lock);
    if (!task) {
      throw new TaskNotFoundError(id);
    }
    if (!task.residentId) {
      return { task, residentName: null };
    }
    try {
      return { task, residentName: (await this.residents.visible(manager, actor, task.residentId)).name };
    } catch (error) {
      throw error instanceof NotFoundError ? new TaskNotFoundError(id) : error;
    }
  }

  /** A task the caller may see, named by its resident as the inbox lists it. */
  async get(actor: Actor, id: string): Promise<TaskWithResidentName> {
    const { task, residentName } = await this.visibleWithResident(this.transactions.manager, actor, id);
    return Object.assign(task, { residentName });
  }

  /** The task's form as its step shows it (field rights applied) and the data it starts from. */
  async form(actor: Actor, id: string): Promise<TaskFormView> {
    const manager = this.transactions.manager;
    const task = await this.visible(manager, actor, id);
    const view = await this.fieldRights.formView(manager, task);
    if (!view) {
      throw new TaskHasNoFormError(id);
    }
    return view;
  }

  private isCandidate(actor: Actor, task: TaskEntity): boolean {
    if (task.candidateGroups.length === 0 && task.candidateUsers.length === 0) {
      return true;
    }
    return (
      task.candidateUsers.includes(actor.username) ||
      actor.roles.some((role) => task.candidateGroups.includes(role.role))
    );
  }

  private assertOpen(task: TaskEntity): void {
    if (task.status !== 'open') {
      throw new TaskNotOpenError(task.id, task.status);
    }
  }

  /** Assignee, admin, or (unassigned) a candidate may work on a task. */
  private assertMayWork(actor: Actor, task: TaskEntity): void {
    if (isAdmin(actor) || task.assignee === actor.username) {
      return;
    }
    if (task.assignee !== null) {
      throw new TaskClaimedError(task.id, task.assignee);
    }
    if (!this.isCandidate(actor, task)) {
      throw new ForbiddenError(
        'This task is offered to other roles or users.',
        '这个任务是派给其他角色或人员的。',
      );
    }
  }

  claim(actor: Actor, id: string): Promise<TaskEntity> {
    return this.transactions.run(async (manager) => {
      const task = await this.visible(manager, actor, id, true);
      this.assertOpen(task);
      if (task.assignee === actor.username) {
        return task;
      }
      this.assertMayWork(actor, task);
      task.assignee = actor.username;
      task.version += 1;
      await this.tasks.save(manager, task);
      return task;
    });
  }

  unclaim(actor: Actor, id: string): Promise<TaskEntity> {
    return this.transactions.run(async (manager) => {
      const task = await this.visible(manager, actor, id, true);
      this.assertOpen(task);
      if (!isAdmin(actor) && task.assignee !== actor.username) {
        throw new ForbiddenError(
          'Only the assignee or an administrator may unclaim a task.',
          '只有认领人或管理员才能释放任务。',
        );
      }
      task.assignee = null;
      task.version += 1;
      await this.tasks.save(manager, task);
      return task;
    });
  }

  /**
   * Completes the task: data is validated and computed with the task's form (latest published
   * version) and stored as a record; the computed data is the task's output. Exactly one of two
   * concurrent completions wins (the version checks of `completeAtOnce` or the instance row lock), the other
   * gets 409.
   */
  async complete(
    actor: Actor,
    id: string,
    data: Record<string, unknown>,
    locale: RequestLocale,
    options: CompleteOptions = {},
  ): Promise<TaskEntity> {
    if (!options.manager) {
      const done = await this.completeAtOnce(actor, id, data, options);
      if (done) {
        return done;
      }
    }
    const onBehalf = options.authorizedBy !== undefined;
    const run = <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> =>
      options.manager ? work(options.manager) : this.transactions.run(work);
    return run(async (manager) => {
      // One statement: the instance row locked, then the task row locked (the order the runtime locks them in
      // when a timer cancels a task), and the resident's access scope.
      const found =
        isFamilyOnly(actor) && !onBehalf ? null : await this.tasks.lockForWork(manager, actor, id);
      if (!found?.visible) {
        throw new TaskNotFoundError(id);
      }
      const task = found.task;
      if (found.instance) {
        this.runtime.adoptLockedInstance(manager, found.instance);
      }
      this.assertMayComplete(actor, task, onBehalf);
      let output = data;
      // The step's field rights: hidden and read-only fields keep their stored values (changing one is a 400).
      let submitted = data;
      if (task.formKey) {
        const form = await this.forms.latestPublished(manager, actor.tenantId, formKeyOf(task.formKey));
        submitted = await this.fieldRights.forCompletion(manager, task, form.version.schema, data, locale);
        const processed = form.compiled.process(submitted, { now: this.clock.iso(), locale });
        if (processed.errors.length > 0) {
          throw new InvalidTaskDataError(processed.errors.map((e) => ({ path: e.path, message: e.message })));
        }
        output = processed.data;
      }
      // A standalone task (from a rule) has no instance to move on: it completes with its record.
      const instanceId = task.instanceId;
      const step = instanceId
        ? await this.runtime.step(
            manager,
            instanceId,
            { type: 'complete-task', taskId: task.engineTaskId, output },
            task.formKey
              ? undefined
              : (writes, created) => this.finish(writes, actor, task, output, created, instanceId, options),
          )
        : null;
      if (task.formKey) {
        // In this transaction: the task completes with its record or not at all.
        const record = await this.records.createIn(
          manager,
          actor,
          {
            formKey: formKeyOf(task.formKey),
            ...(task.residentId ? { residentId: task.residentId } : {}),
            data: submitted,
          },
          locale,
          { familyFiling: onBehalf },
        );
        task.recordId = record.id;
        if (step && instanceId) {
          const writes = new StepWrites();
          this.finish(writes, actor, task, output, step.createdTaskIds, instanceId, options);
          await writes.flush(manager);
        }
      }
      if (!step) {
        this.completed(actor, task, output);
        await this.tasks.save(manager, task);
      }
      const instance = step?.instance ?? null;
      if (instance) {
        await this.events.publish(manager, this.completedEvent(actor, task, instance, output));
      }
      return task;
    });
  }

  /**
   * The common completion (a process task without a form) in two statements and no transaction: the task, its
   * instance and the resident's scope read without locks, then the step and the task's own rows written in one
   * statement that checks neither row changed since (`ProcessRuntimeService.stepAtOnce`). Two concurrent
   * completions of one task both read it open; the second statement waits for the first's lock, finds another
   * instance version and writes nothing. Null when nothing was written: a task with a form (its record is a
   * second write), a standalone task, a step that is not atomic on its own, or a row that changed meanwhile (a
   * timer fired, another completion won): `complete` then runs in a transaction with the rows locked, which
   * answers as it always did (a task completed meanwhile: 409).
   */
  private async completeAtOnce(
    actor: Actor,
    id: string,
    data: Record<string, unknown>,
    options: CompleteOptions,
  ): Promise<TaskEntity | null> {
    const onBehalf = options.authorizedBy !== undefined;
    const manager = this.transactions.manager;
    const found = isFamilyOnly(actor) && !onBehalf ? null : await this.tasks.readForWork(manager, actor, id);
    if (!found?.visible) {
      throw new TaskNotFoundError(id);
    }
    const task = found.task;
    this.assertMayComplete(actor, task, onBehalf);
    const instanceId = task.instanceId;
    if (task.formKey || !instanceId || !found.instance) {
      return null;
    }
    const step = await this.runtime.stepAtOnce(
      manager,
      found.instance,
      { type: 'complete-task', taskId: task.engineTaskId, output: data },
      {
        task: { id: task.id, version: task.version },
        also: (writes, created) => this.finish(writes, actor, task, data, created, instanceId, options),
        events: (instance) => [this.completedEvent(actor, task, instance, data)],
      },
    );
    return step ? task : null;
  }

  /** Open, and the caller may work on it (unless a use case authorized them), and not handed on (delegated). */
  private assertMayComplete(actor: Actor, task: TaskEntity, onBehalf: boolean): void {
    this.assertOpen(task);
    if (!onBehalf) {
      this.assertMayWork(actor, task);
    }
    if (task.owner) {
      throw new TaskDelegatedError(task.assignee, task.owner);
    }
  }

  private completed(actor: Actor, task: TaskEntity, output: Record<string, unknown>): void {
    task.status = 'completed';
    task.completedBy = actor.userId;
    task.completedAt = this.clock.now();
    task.outcome = output;
    task.version += 1;
    if (task.assignee === null) {
      task.assignee = actor.username;
    }
  }

  /**
   * The task row and its history row (with the tasks this completion created: its "next step", which withdraw
   * may take back while they are untouched), written with the step's own rows, or after the task's record when
   * it has a form.
   */
  private finish(
    writes: StepWrites,
    actor: Actor,
    task: TaskEntity,
    output: Record<string, unknown>,
    nextTaskIds: readonly string[],
    instanceId: string,
    options: CompleteOptions,
  ): void {
    this.completed(actor, task, output);
    writes.completeTask(task);
    writes.insertHistory(
      this.history.row(actor, { ...task, instanceId }, 'completed', null, {
        nextTaskIds,
        ...(options.authorizedBy ? { authorizedBy: options.authorizedBy } : {}),
      }),
    );
  }

  private completedEvent(
    actor: Actor,
    task: TaskEntity,
    instance: ProcessInstanceEntity,
    output: Record<string, unknown>,
  ): DomainEvent {
    return {
      type: 'task.completed',
      tenantId: actor.tenantId,
      taskId: task.id,
      instanceId: instance.id,
      processKey: instance.processKey,
      elementId: task.elementId,
      residentId: task.residentId,
      data: output,
      actor,
      depth: 0,
    };
  }
}
