import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { accessScope, escapeLike } from '../../common/auth/access-scope.util.js';
import type { Actor } from '../../common/auth/actor.types.js';
import { WorkOrderEntity } from './work-order.entity.js';
import { ELEMENTS, type WorkOrderStatusFilter } from './work-order-view.util.js';

export type OpenStep = {
  taskId: string;
  elementId: string;
  name: string;
  assignee: string | null;
  candidateGroups: string[];
  dueAt: string | null;
};

/** One work order with where its instance stands, as one row of the list query. */
export type WorkOrderRow = WorkOrderEntity & {
  residentName: string;
  room: string | null;
  bed: string | null;
  instanceStatus: string;
  endedAt: Date | null;
  handlerRoles: string[];
  inHandle: boolean;
  awaitingCallback: boolean;
  /** When the waitCallback timer fires (the callback task opens). */
  callbackAt: Date | null;
  firstResponseDueAt: Date | null;
  firstResponseDoneAt: Date | null;
  openSteps: OpenStep[];
  overdue: boolean;
};

export type WorkOrderFilter = {
  status?: WorkOrderStatusFilter;
  complaintType?: string;
  role?: string;
  overdue?: boolean;
  residentId?: string;
  q?: string;
  limit: number;
  offset: number;
};

export type InstanceTaskRow = {
  id: string;
  elementId: string;
  name: string;
  status: string;
  assignee: string | null;
  candidateGroups: string[];
  dueAt: Date | null;
  createdAt: Date;
  completedAt: Date | null;
  completedByName: string | null;
  completedById: string | null;
  outcome: Record<string, unknown> | null;
  recordId: string | null;
};

const contains = (elementId: string) => `pi.state -> 'tokens' @> '[{"elementId":"${elementId}"}]'::jsonb`;
const AWAITING = `(${contains(ELEMENTS.waitCallback)} OR ${contains(ELEMENTS.callback)})`;
const IN_HANDLE = contains(ELEMENTS.handle);
const OVERDUE = `(pi.status IN ('active', 'incident') AND (EXISTS (SELECT 1 FROM task ot WHERE ot.instance_id = wo.id
  AND ot.status = 'open' AND ot.due_at < :now) OR (${IN_HANDLE} AND wo.resolution_due_at < :now)))`;
const STATUS_SQL: Record<WorkOrderStatusFilter, string> = {
  open: `(pi.status IN ('active', 'incident') AND NOT ${AWAITING})`,
  resolved: `(pi.status IN ('active', 'incident') AND ${AWAITING})`,
  closed: `pi.status = 'completed'`,
  cancelled: `pi.status = 'cancelled'`,
};

/**
 * The list and the detail read one statement: the work order, its resident, where the instance stands
 * (tokens), its latest first-response task and its open tasks (one lateral join each, no per-row queries).
 */
const SELECT = `SELECT wo.id, wo.tenant_id AS "tenantId", wo.business_key AS "businessKey", wo.resident_id AS "residentId",
  wo.intake_record_id AS "intakeRecordId", wo.complaint_type AS "complaintType", wo.urgency, wo.channel,
  wo.filed_by AS "filedBy", wo.filed_by_name AS "filedByName", wo.filed_by_family AS "filedByFamily",
  wo.filed_at AS "filedAt", wo.first_responded_at AS "firstRespondedAt", wo.resolution_due_at AS "resolutionDueAt",
  wo.resolved_at AS "resolvedAt", wo.satisfaction_score AS "satisfactionScore", wo.nps_score AS "npsScore",
  wo.rated_at AS "ratedAt", wo.reopen_count AS "reopenCount",
  r.name AS "residentName", r.room, r.bed, pi.status AS "instanceStatus", pi.ended_at AS "endedAt",
  COALESCE(pi.state -> 'variables' -> 'handlerRoles', '[]'::jsonb) AS "handlerRoles",
  ${IN_HANDLE} AS "inHandle", ${AWAITING} AS "awaitingCallback",
  (SELECT (s ->> 'dueAt')::timestamptz FROM jsonb_array_elements(pi.state -> 'subscriptions') s
    WHERE s ->> 'elementId' = '${ELEMENTS.waitCallback}' LIMIT 1) AS "callbackAt",
  fr.due_at AS "firstResponseDueAt", fr.completed_at AS "firstResponseDoneAt",
  COALESCE(steps.items, '[]'::json) AS "openSteps", ${OVERDUE} AS overdue
FROM work_order wo
JOIN process_instance pi ON pi.id = wo.id
JOIN resident r ON r.id = wo.resident_id
JOIN org_unit ou ON ou.id = r.org_unit_id
LEFT JOIN LATERAL (SELECT t.due_at, t.completed_at FROM task t WHERE t.instance_id = wo.id
  AND t.element_id = '${ELEMENTS.firstResponse}' AND t.status <> 'cancelled' ORDER BY t.created_at DESC LIMIT 1) fr ON true
LEFT JOIN LATERAL (SELECT json_agg(json_build_object('taskId', t.id, 'elementId', t.element_id, 'name', t.name,
  'assignee', t.assignee, 'candidateGroups', t.candidate_groups, 'dueAt', t.due_at) ORDER BY t.created_at) AS items
  FROM task t WHERE t.instance_id = wo.id AND t.status = 'open') steps ON true`;

/** The only code that queries the work_order table (and reads instance and task rows for it). */
@Injectable()
export class WorkOrdersRepository {
  private async rows(
    manager: EntityManager,
    where: string[],
    params: Record<string, unknown>,
    tail: string,
  ): Promise<WorkOrderRow[]> {
    const [sql, values] = manager.connection.driver.escapeQueryWithParameters(
      `${SELECT} WHERE ${where.join(' AND ')} ${tail}`,
      params,
    );
    const rows: (WorkOrderRow & { openSteps: OpenStep[] | string })[] = await manager.query(sql, values);
    return rows.map((row) => ({
      ...row,
      openSteps:
        typeof row.openSteps === 'string' ? (JSON.parse(row.openSteps) as OpenStep[]) : row.openSteps,
    }));
  }

  private scope(actor: Actor, where: string[], params: Record<string, unknown>): void {
    const scope = accessScope(actor, { orgUnitPath: 'ou.path', residentId: 'wo.resident_id' });
    if (scope) {
      where.push(scope.sql);
      Object.assign(params, scope.params);
    }
  }

  list(manager: EntityManager, actor: Actor, filter: WorkOrderFilter, now: Date): Promise<WorkOrderRow[]> {
    const where = ['wo.tenant_id = :tenantId'];
    const params: Record<string, unknown> = { tenantId: actor.tenantId, now };
    this.scope(actor, where, params);
    if (filter.status) {
      where.push(STATUS_SQL[filter.status]);
    }
    if (filter.complaintType) {
      where.push('wo.complaint_type = :complaintType');
      params['complaintType'] = filter.complaintType;
    }
    if (filter.role) {
      where.push(`pi.state -> 'variables' -> 'handlerRoles' ? :role`);
      params['role'] = filter.role;
    }
    if (filter.overdue) {
      where.push(OVERDUE);
    }
    if (filter.residentId) {
      where.push('wo.resident_id = :residentId');
      params['residentId'] = filter.residentId;
    }
    if (filter.q) {
      where.push(`(wo.business_key ILIKE :q OR r.name ILIKE :q)`);
      params['q'] = `%${escapeLike(filter.q)}%`;
    }
    params['limit'] = filter.limit;
    params['offset'] = filter.offset;
    return this.rows(
      manager,
      where,
      params,
      'ORDER BY wo.filed_at DESC, wo.id DESC LIMIT :limit OFFSET :offset',
    );
  }

  /** One work order the actor may see (record-level access through its resident). */
  async findVisible(
    manager: EntityManager,
    actor: Actor,
    id: string,
    now: Date,
  ): Promise<WorkOrderRow | null> {
    const where = ['wo.tenant_id = :tenantId', 'wo.id = :id'];
    const params: Record<string, unknown> = { tenantId: actor.tenantId, id, now };
    this.scope(actor, where, params);
    return (await this.rows(manager, where, params, ''))[0] ?? null;
  }

  /** The row itself, locked (milestone updates serialise with the instance's commands). */
  find(manager: EntityManager, id: string): Promise<WorkOrderEntity | null> {
    return manager
      .getRepository(WorkOrderEntity)
      .createQueryBuilder('wo')
      .where('wo.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async insert(manager: EntityManager, row: WorkOrderEntity): Promise<void> {
    await manager.getRepository(WorkOrderEntity).insert(row);
  }

  async save(manager: EntityManager, row: WorkOrderEntity): Promise<void> {
    await manager.getRepository(WorkOrderEntity).save(row);
  }

  /**
   * The next business key of the tenant-local day of `now` (`TS-YYYYMMDD-NNNN`): an advisory lock per
   * tenant and day serialises concurrent filings until the commit.
   */
  async nextKeyParts(
    manager: EntityManager,
    tenantId: string,
    now: Date,
  ): Promise<{ day: string; sequence: number }> {
    const [day] = await manager.query<{ day: string }[]>(
      `SELECT to_char($2::timestamptz AT TIME ZONE t.time_zone, 'YYYYMMDD') AS day FROM tenant t WHERE t.id = $1`,
      [tenantId, now],
    );
    if (!day) {
      throw new Error(`tenant ${tenantId} vanished`);
    }
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`work-order:${tenantId}:${day.day}`]);
    const [max] = await manager.query<{ n: number }[]>(
      `SELECT COALESCE(max(split_part(business_key, '-', 3)::int), 0)::int AS n FROM work_order
       WHERE tenant_id = $1 AND business_key LIKE $2`,
      [tenantId, `TS-${day.day}-%`],
    );
    return { day: day.day, sequence: (max?.n ?? 0) + 1 };
  }

  /** The instance's engine state (tokens, subscriptions, variables) as stored now. */
  async instanceState(manager: EntityManager, id: string): Promise<InstanceStateView | null> {
    const [row] = await manager.query<{ state: InstanceStateView }[]>(
      `SELECT state FROM process_instance WHERE id = $1`,
      [id],
    );
    return row?.state ?? null;
  }

  /** Every task row of the instance, oldest first, with the completer's display name. */
  tasks(manager: EntityManager, instanceId: string): Promise<InstanceTaskRow[]> {
    return manager.query(
      `SELECT t.id, t.element_id AS "elementId", t.name, t.status, t.assignee, t.candidate_groups AS "candidateGroups",
        t.due_at AS "dueAt", t.created_at AS "createdAt", t.completed_at AS "completedAt",
        t.completed_by AS "completedById", u.display_name AS "completedByName", t.outcome, t.record_id AS "recordId"
       FROM task t LEFT JOIN app_user u ON u.id = t.completed_by
       WHERE t.instance_id = $1 ORDER BY t.created_at, t.id`,
      [instanceId],
    );
  }
}

export type InstanceStateView = {
  status: string;
  variables: Record<string, unknown>;
  tokens: { elementId: string }[];
  subscriptions: { type: string; id: string; elementId: string; dueAt?: string }[];
};
