import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isAdmin, isFamilyOnly, type Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { ForbiddenError, NotFoundError } from '../../common/errors/domain.errors.js';
import type { RequestLocale } from '../../common/http/locale.decorator.js';
import { Clock } from '../../common/time/clock.js';
import { formKeyOf } from '../../process-runtime/instance-view.util.js';
import {
  TaskClaimedError,
  TaskNotFoundError,
  TaskNotOpenError,
} from '../../process-runtime/process-runtime.errors.js';
import { ProcessRuntimeService } from '../../process-runtime/process-runtime.service.js';
import { StepWrites } from '../../process-runtime/step-writes.repository.js';
import type { TaskEntity, TaskStatus } from '../../process-runtime/task.entity.js';
import { TasksRepository } from '../../process-runtime/tasks.repository.js';
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

  list(actor: Actor, query: TaskQuery): Promise<TaskEntity[]> {
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
    const task =
      isFamilyOnly(actor) && !onBehalf ? null : await this.tasks.find(manager, actor.tenantId, id, lock);
    if (!task) {
      throw new TaskNotFoundError(id);
    }
    if (task.residentId) {
      try {
        await this.residents.visible(manager, actor, task.residentId);
      } catch (error) {
        throw error instanceof NotFoundError ? new TaskNotFoundError(id) : error;
      }
    }
    return task;
  }

  get(actor: Actor, id: string): Promise<TaskEntity> {
    return this.visible(this.transactions.manager, actor, id);
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
      throw new ForbiddenError('This task is offered to other roles or users.');
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
        throw new ForbiddenError('Only the assignee or an administrator may unclaim a task.');
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
   * concurrent completions wins (the instance row lock serialises them), the other gets 409.
   */
  async complete(
    actor: Actor,
    id: string,
    data: Record<string, unknown>,
    locale: RequestLocale,
    options: CompleteOptions = {},
  ): Promise<TaskEntity> {
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
      this.assertOpen(task);
      if (!onBehalf) {
        this.assertMayWork(actor, task);
      }
      if (task.owner) {
        throw new TaskDelegatedError(task.assignee, task.owner);
      }
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
      const completed = () => {
        task.status = 'completed';
        task.completedBy = actor.userId;
        task.completedAt = this.clock.now();
        task.outcome = output;
        task.version += 1;
        if (task.assignee === null) {
          task.assignee = actor.username;
        }
      };
      // The task row and its history row (with the tasks this completion created: its "next step", which
      // withdraw may take back while they are untouched) are written with the step's own rows, or after the
      // task's record when it has a form.
      const finish = (writes: StepWrites, nextTaskIds: readonly string[], instanceId: string) => {
        completed();
        writes.completeTask(task);
        writes.insertHistory(
          this.history.row(actor, { ...task, instanceId }, 'completed', null, {
            nextTaskIds,
            ...(options.authorizedBy ? { authorizedBy: options.authorizedBy } : {}),
          }),
        );
      };
      // A standalone task (from a rule) has no instance to move on: it completes with its record.
      const instanceId = task.instanceId;
      const step = instanceId
        ? await this.runtime.step(
            manager,
            instanceId,
            { type: 'complete-task', taskId: task.engineTaskId, output },
            task.formKey ? undefined : (writes, created) => finish(writes, created, instanceId),
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
          finish(writes, step.createdTaskIds, instanceId);
          await writes.flush(manager);
        }
      }
      if (!step) {
        completed();
        await this.tasks.save(manager, task);
      }
      const instance = step?.instance ?? null;
      if (instance) {
        await this.events.publish(manager, {
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
        });
      }
      return task;
    });
  }
}
