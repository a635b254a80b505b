import type { Actor } from '../../common/auth/actor.types.js';
import { isFamilyOnly } from '../../common/auth/actor.types.js';
import type {
  SlaClockDto,
  WorkOrderCallbackDto,
  WorkOrderDetailDto,
  WorkOrderSummaryDto,
  WorkOrderTaskDto,
} from './dto/work-order.dto.js';
import {
  ELEMENTS,
  slaClockOf,
  timelineOf,
  workOrderStatusOf,
  type SlaClock,
} from './work-order-view.util.js';
import type { InstanceTaskRow, WorkOrderRow } from './work-orders.repository.js';
import type { WorkOrderDetail } from './work-orders.service.js';

const iso = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined ? null : new Date(value).toISOString();

function toSlaDto(clock: SlaClock): SlaClockDto {
  return {
    dueAt: iso(clock.dueAt),
    businessTime: clock.businessTime,
    state: clock.state,
    remainingMs: clock.remainingMs,
    overdueMs: clock.overdueMs,
    doneAt: iso(clock.doneAt),
  };
}

const late = (clock: SlaClock): boolean => clock.state === 'overdue' || clock.state === 'missed';

export function toWorkOrderSummaryDto(row: WorkOrderRow, actor: Actor, now: Date): WorkOrderSummaryDto {
  const family = isFamilyOnly(actor);
  const status = workOrderStatusOf(row.instanceStatus, row.awaitingCallback);
  const ended = status === 'closed' || status === 'cancelled' ? row.endedAt : null;
  const firstResponse = slaClockOf(
    row.firstResponseDueAt ? new Date(row.firstResponseDueAt) : null,
    row.firstResponseDoneAt ?? (status === 'cancelled' ? ended : null),
    now,
    false,
  );
  const resolution = slaClockOf(
    row.resolutionDueAt,
    row.resolvedAt ?? (status === 'open' ? null : (ended ?? row.resolvedAt)),
    now,
    row.urgency !== 'urgent',
  );
  const you = row.filedBy === actor.userId;
  return {
    id: row.id,
    businessKey: row.businessKey,
    resident: { id: row.residentId, name: row.residentName, room: row.room, bed: row.bed },
    complaintType: row.complaintType,
    urgency: row.urgency,
    channel: row.channel,
    status,
    steps: row.openSteps.map((step) => ({
      taskId: step.taskId,
      elementId: step.elementId,
      name: step.name,
      assignee: family ? null : step.assignee,
      candidateGroups: step.candidateGroups,
      dueAt: iso(step.dueAt),
      link: family ? null : `/tasks/${step.taskId}`,
    })),
    filedAt: row.filedAt.toISOString(),
    filedBy: {
      name: family && !you && !row.filedByFamily ? null : row.filedByName,
      family: row.filedByFamily,
      you,
    },
    handlerRoles: row.handlerRoles,
    deadlines: { firstResponseDue: iso(row.firstResponseDueAt), resolutionDue: iso(row.resolutionDueAt) },
    overdue: { firstResponse: late(firstResponse), resolution: late(resolution), now: row.overdue },
    sla: { firstResponse: toSlaDto(firstResponse), resolution: toSlaDto(resolution) },
    callbackAt: iso(row.callbackAt),
    resolvedAt: iso(row.resolvedAt),
    closedAt: iso(ended),
    satisfactionScore: row.satisfactionScore,
    npsScore: row.npsScore,
    reopenCount: row.reopenCount,
    canRate: family && status === 'awaiting-callback' && row.ratedAt === null,
  };
}

function toTaskDto(task: InstanceTaskRow): WorkOrderTaskDto {
  return {
    id: task.id,
    elementId: task.elementId,
    name: task.name,
    status: task.status,
    assignee: task.assignee,
    dueAt: iso(task.dueAt),
    createdAt: task.createdAt.toISOString(),
    completedAt: iso(task.completedAt),
    completedBy: task.completedByName,
    outcome: task.outcome,
    recordId: task.recordId,
    link: `/tasks/${task.id}`,
  };
}

function toCallbackDto(task: InstanceTaskRow, actor: Actor): WorkOrderCallbackDto {
  const outcome = task.outcome ?? {};
  const number = (key: string) => (typeof outcome[key] === 'number' ? outcome[key] : null);
  return {
    at: (task.completedAt ?? task.createdAt).toISOString(),
    satisfactionScore: number('satisfactionScore'),
    npsScore: number('npsScore'),
    comments: typeof outcome['comments'] === 'string' ? outcome['comments'] : null,
    reopenRequested: outcome['reopenRequested'] === true,
    byYou: task.completedById === actor.userId,
  };
}

const RESOLVING = new Set<string>([ELEMENTS.resolve, ELEMENTS.directorReview]);

export function toWorkOrderDetailDto(detail: WorkOrderDetail, actor: Actor): WorkOrderDetailDto {
  const { row, intake, history, tasks, family, now } = detail;
  const completed = tasks.filter((task) => task.status === 'completed');
  const resolved = completed.filter((task) => RESOLVING.has(task.elementId)).at(-1);
  const actionsTaken = resolved?.outcome?.['actionsTaken'];
  return {
    ...toWorkOrderSummaryDto(row, actor, now),
    intakeRecordId: row.intakeRecordId,
    intake: intake.data,
    intakeMasked: intake.masked,
    history: timelineOf(history, { family, userId: actor.userId }).map((entry) => ({
      ...entry,
      at: entry.at.toISOString(),
    })),
    tasks: family ? [] : tasks.map(toTaskDto),
    callbacks: completed
      .filter((task) => task.elementId === ELEMENTS.callback)
      .map((task) => toCallbackDto(task, actor)),
    resolution: resolved
      ? {
          at: (resolved.completedAt ?? resolved.createdAt).toISOString(),
          actionsTaken: typeof actionsTaken === 'string' ? actionsTaken : null,
        }
      : null,
  };
}
