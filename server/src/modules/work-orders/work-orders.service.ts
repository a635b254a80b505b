import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hasRole, isFamilyOnly, type Actor } from '../../common/auth/actor.types.js';
import { Transactions } from '../../common/database/transaction.js';
import { NotFoundError } from '../../common/errors/domain.errors.js';
import { DomainEvents, type DomainEvent } from '../../common/events/domain-events.js';
import type { RequestLocale } from '../../common/http/locale.decorator.js';
import { Clock } from '../../common/time/clock.js';
import { ProcessNotFoundError } from '../../process-runtime/process-runtime.errors.js';
import { ProcessRuntimeService } from '../../process-runtime/process-runtime.service.js';
import type { ProcessHistoryEntity } from '../../process-runtime/process-history.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { FormsService } from '../forms/forms.service.js';
import { ProcessesService } from '../processes/processes.service.js';
import { RecordsService } from '../records/records.service.js';
import { ResidentsService } from '../residents/residents.service.js';
import { TasksService } from '../tasks/tasks.service.js';
import type { WorkOrderEntity } from './work-order.entity.js';
import {
  ELEMENTS,
  familyIntakeData,
  INTAKE_FORM,
  businessKeyOf,
  withoutPaths,
  WORK_ORDER_PROCESS,
} from './work-order-view.util.js';
import {
  NotLinkedResidentError,
  StaffRatingError,
  WorkOrderAlreadyRatedError,
  WorkOrderNotFoundError,
  WorkOrderNotResolvedError,
  WorkOrdersNotInstalledError,
} from './work-orders.errors.js';
import {
  WorkOrdersRepository,
  type InstanceStateView,
  type InstanceTaskRow,
  type WorkOrderFilter,
  type WorkOrderRow,
} from './work-orders.repository.js';

export type FileRequest = { residentId: string; data: Record<string, unknown> };
export type RatingRequest = {
  satisfactionScore: number;
  npsScore?: number;
  comment?: string;
  reopenRequested?: boolean;
};

export type WorkOrderView = { row: WorkOrderRow; now: Date };
export type WorkOrderPage = { rows: WorkOrderRow[]; hasMore: boolean; now: Date };

export type WorkOrderDetail = {
  row: WorkOrderRow;
  intake: { data: Record<string, unknown>; masked: boolean };
  history: ProcessHistoryEntity[];
  tasks: InstanceTaskRow[];
  family: boolean;
  now: Date;
};

/** A family member's rating completes the steward's callback task on their behalf (named in its history row). */
const RATING_USE_CASE = 'work-order-rating';

/**
 * Work orders (工单): file a complaint for a resident (intake record + complaint-workorder instance in one
 * transaction), list and follow them with their SLA clocks, and let the family rate the result.
 */
@Injectable()
export class WorkOrdersService implements OnModuleInit {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: WorkOrdersRepository,
    private readonly runtime: ProcessRuntimeService,
    private readonly forms: FormsService,
    private readonly records: RecordsService,
    private readonly residents: ResidentsService,
    private readonly processes: ProcessesService,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.subscribe('work-orders', (manager, event) => this.onEvent(manager, event));
  }

  async file(actor: Actor, request: FileRequest, locale: RequestLocale): Promise<WorkOrderView> {
    const family = isFamilyOnly(actor);
    const id = await this.transactions.run(async (manager) => {
      const form = await this.intakeForm(manager, actor);
      if (family) {
        await this.assertLinked(manager, actor, request.residentId);
      }
      const submitted = family
        ? familyIntakeData(form.version.schema as Record<string, unknown>, request.data, actor.displayName)
        : request.data;
      const record = await this.records.createIn(
        manager,
        actor,
        { formKey: INTAKE_FORM, residentId: request.residentId, data: submitted },
        locale,
        { familyFiling: family },
      );
      // The intake as stored (computed, hidden fields removed) is the start variables; sensitive fields stay
      // in the record only.
      const processed = form.compiled.process(submitted, { now: this.clock.iso(), locale });
      const data = withoutPaths(processed.data, form.compiled.sensitivePaths());
      const now = this.clock.now();
      const { day, sequence } = await this.repository.nextKeyParts(manager, actor.tenantId, now);
      const businessKey = businessKeyOf(day, sequence);
      const instance = await this.runtime
        .startLatest(manager, {
          tenantId: actor.tenantId,
          processKey: WORK_ORDER_PROCESS,
          variables: { ...data, intakeRecordId: record.id, residentId: request.residentId },
          residentId: request.residentId,
          businessKey,
          startedBy: actor.userId,
        })
        .catch((error: unknown) => {
          throw error instanceof ProcessNotFoundError
            ? new WorkOrdersNotInstalledError(`The process "${WORK_ORDER_PROCESS}"`)
            : error;
        });
      await this.repository.insert(manager, {
        id: instance.id,
        tenantId: actor.tenantId,
        businessKey,
        residentId: request.residentId,
        intakeRecordId: record.id,
        complaintType: typeof data['complaintType'] === 'string' ? data['complaintType'] : 'other',
        urgency: typeof data['urgency'] === 'string' ? data['urgency'] : 'normal',
        channel: typeof data['channel'] === 'string' ? data['channel'] : null,
        filedBy: actor.userId,
        filedByName: actor.displayName,
        filedByFamily: family,
        filedAt: instance.createdAt,
        firstRespondedAt: null,
        resolutionDueAt: resolutionDueOf(instance.state as unknown as InstanceStateView),
        resolvedAt: null,
        satisfactionScore: null,
        npsScore: null,
        ratedAt: null,
        reopenCount: 0,
      });
      await this.audit.record(manager, actor, {
        action: 'work-order.filed',
        entityType: 'work-order',
        entityId: instance.id,
        details: { businessKey, residentId: request.residentId, intakeRecordId: record.id, family },
      });
      return instance.id;
    });
    return this.view(actor, id);
  }

  /** A page, newest first; one row more than asked tells whether another page follows. */
  async list(actor: Actor, filter: WorkOrderFilter): Promise<WorkOrderPage> {
    const now = this.clock.now();
    const rows = await this.repository.list(
      this.transactions.manager,
      actor,
      { ...filter, limit: filter.limit + 1 },
      now,
    );
    return { rows: rows.slice(0, filter.limit), hasMore: rows.length > filter.limit, now };
  }

  private async view(actor: Actor, id: string): Promise<WorkOrderView> {
    const now = this.clock.now();
    return { row: await this.visibleRow(this.transactions.manager, actor, id), now };
  }

  async detail(actor: Actor, id: string): Promise<WorkOrderDetail> {
    const manager = this.transactions.manager;
    const row = await this.visibleRow(manager, actor, id);
    const family = isFamilyOnly(actor);
    const [instance, tasks, intake] = await Promise.all([
      this.processes.instance(actor, id),
      this.repository.tasks(manager, id),
      this.intakeOf(actor, row),
    ]);
    return { row, intake, history: instance.history, tasks, family, now: this.clock.now() };
  }

  /**
   * A family member linked to the resident rates a resolved work order: a waiting callback timer fires now
   * (they have seen the result), then the steward's callback task completes with their answers, as them.
   */
  async rate(actor: Actor, id: string, rating: RatingRequest, locale: RequestLocale): Promise<WorkOrderView> {
    await this.transactions.run(async (manager) => {
      const seen = await this.visibleRow(manager, actor, id);
      if (!hasRole(actor, ['family'])) {
        const callback = seen.openSteps.find((step) => step.elementId === ELEMENTS.callback);
        throw new StaffRatingError(callback?.taskId ?? null);
      }
      await this.assertLinked(manager, actor, seen.residentId);
      await this.runtime.lockInstance(manager, id);
      const order = await this.repository.find(manager, id);
      const state = await this.repository.instanceState(manager, id);
      if (!order || !state) {
        throw new WorkOrderNotFoundError(id);
      }
      if (order.ratedAt || state.status === 'completed' || state.status === 'cancelled') {
        throw new WorkOrderAlreadyRatedError(order.businessKey);
      }
      const waiting = state.subscriptions.find(
        (s) => s.type === 'timer' && s.elementId === ELEMENTS.waitCallback,
      );
      const atCallback = state.tokens.some((t) => t.elementId === ELEMENTS.callback);
      if (!waiting && !atCallback) {
        throw new WorkOrderNotResolvedError(order.businessKey);
      }
      if (waiting) {
        await this.runtime.command(manager, id, { type: 'fire-timer', timerId: waiting.id });
        await this.runtime.cancelJobs(manager, actor.tenantId, 'timer', waiting.id);
      }
      const task = (await this.repository.tasks(manager, id)).find(
        (t) => t.elementId === ELEMENTS.callback && t.status === 'open',
      );
      if (!task) {
        throw new WorkOrderNotResolvedError(order.businessKey);
      }
      await this.tasks.complete(
        actor,
        task.id,
        {
          calledAt: this.clock.iso(),
          reached: true,
          satisfactionScore: rating.satisfactionScore,
          ...(rating.npsScore !== undefined ? { npsScore: rating.npsScore } : {}),
          ...(rating.comment ? { comments: rating.comment } : {}),
          reopenRequested: rating.reopenRequested ?? false,
        },
        locale,
        { manager, authorizedBy: RATING_USE_CASE },
      );
      await this.audit.record(manager, actor, {
        action: 'work-order.rated',
        entityType: 'work-order',
        entityId: id,
        details: {
          businessKey: order.businessKey,
          taskId: task.id,
          satisfactionScore: rating.satisfactionScore,
          npsScore: rating.npsScore ?? null,
          reopenRequested: rating.reopenRequested ?? false,
          timerFired: waiting !== undefined,
        },
      });
    });
    return this.view(actor, id);
  }

  private async visibleRow(manager: EntityManager, actor: Actor, id: string): Promise<WorkOrderRow> {
    const row = await this.repository.findVisible(manager, actor, id, this.clock.now());
    if (!row) {
      throw new WorkOrderNotFoundError(id);
    }
    return row;
  }

  private async intakeForm(manager: EntityManager, actor: Actor) {
    try {
      return await this.forms.latestPublished(manager, actor.tenantId, INTAKE_FORM);
    } catch (error) {
      if (error instanceof NotFoundError) {
        throw new WorkOrdersNotInstalledError(`The form "${INTAKE_FORM}"`);
      }
      throw error;
    }
  }

  /** A family member may act only for a resident linked to them (403, not 404: they chose the resident). */
  private async assertLinked(manager: EntityManager, actor: Actor, residentId: string): Promise<void> {
    try {
      await this.residents.visible(
        manager,
        { ...actor, roles: actor.roles.filter((r) => r.role === 'family') },
        residentId,
      );
    } catch (error) {
      throw error instanceof NotFoundError ? new NotLinkedResidentError() : error;
    }
  }

  /** The intake as the records module shows it (masked); the process variables when the record is out of reach. */
  private async intakeOf(
    actor: Actor,
    row: WorkOrderRow,
  ): Promise<{ data: Record<string, unknown>; masked: boolean }> {
    try {
      const record = await this.records.get(actor, row.intakeRecordId, false);
      return { data: record.data, masked: record.masked };
    } catch (error) {
      if (!(error instanceof NotFoundError)) {
        throw error;
      }
      const state = await this.repository.instanceState(this.transactions.manager, row.id);
      const {
        intakeRecordId: _record,
        residentId: _resident,
        handlerRoles: _roles,
        ...data
      } = intakeVariables(state?.variables ?? {});
      return { data, masked: false };
    }
  }

  /** Keeps the projection's milestones in step with the process (in the completing transaction). */
  private async onEvent(manager: EntityManager, event: DomainEvent): Promise<void> {
    if (event.type !== 'task.completed' || event.processKey !== WORK_ORDER_PROCESS) {
      return;
    }
    const order = await this.repository.find(manager, event.instanceId);
    const state = order ? await this.repository.instanceState(manager, order.id) : null;
    if (!order || !state) {
      return;
    }
    applyMilestone(order, event.elementId, event.data, state, this.clock.now());
    await this.repository.save(manager, order);
  }
}

function resolutionDueOf(state: InstanceStateView): Date | null {
  const timer = state.subscriptions.find(
    (s) => s.type === 'timer' && s.elementId === ELEMENTS.resolutionLate,
  );
  return timer?.dueAt ? new Date(timer.dueAt) : null;
}

function intakeVariables(variables: Record<string, unknown>): Record<string, unknown> {
  const known = [
    'complaintType',
    'urgency',
    'filedBy',
    'channel',
    'complainantName',
    'occurredAt',
    'location',
    'description',
    'expectation',
    'staffInvolved',
  ];
  return Object.fromEntries(Object.entries(variables).filter(([key]) => known.includes(key)));
}

/** What a completed step means for the work order (pure on the row). */
export function applyMilestone(
  order: WorkOrderEntity,
  elementId: string,
  data: Record<string, unknown>,
  state: InstanceStateView,
  now: Date,
): void {
  switch (elementId) {
    case ELEMENTS.firstResponse:
      order.firstRespondedAt ??= now;
      break;
    case ELEMENTS.resolve:
    case ELEMENTS.directorReview:
      order.resolvedAt = now;
      break;
    case ELEMENTS.callback: {
      const score = data['satisfactionScore'];
      const nps = data['npsScore'];
      order.satisfactionScore = typeof score === 'number' ? score : null;
      order.npsScore = typeof nps === 'number' ? nps : null;
      order.ratedAt = now;
      if (state.tokens.some((t) => t.elementId === ELEMENTS.handle)) {
        // reopened: a new handling round with its own deadline, to be rated again
        order.reopenCount += 1;
        order.resolvedAt = null;
        order.firstRespondedAt = null;
        order.ratedAt = null;
      }
      break;
    }
  }
  const due = resolutionDueOf(state);
  if (due) {
    order.resolutionDueAt = due;
  }
}
