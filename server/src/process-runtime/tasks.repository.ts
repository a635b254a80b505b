import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { accessScope } from '../common/auth/access-scope.util.js';
import type { Actor } from '../common/auth/actor.types.js';
import { queryPrepared } from '../common/database/prepared-query.js';
import { TaskEntity, type TaskSource, type TaskStatus } from './task.entity.js';
import { jsonDate } from './time.util.js';

export type TaskFilter = {
  processInstanceId?: string;
  /** About this resident, any status unless `status` says, newest first (the resident's timeline). */
  residentId?: string;
  /** Assigned to the caller. */
  mine?: boolean;
  /** Unassigned and offered to the caller (by role key or username). */
  candidate?: boolean;
  overdue?: boolean;
  /** Completed by the caller, newest first (their "done" list, where a withdraw starts). */
  done?: boolean;
  status?: TaskStatus;
  now: Date;
  limit: number;
};

/** A `task` row as PostgreSQL sends it. */
type TaskRow = {
  id: string;
  tenant_id: string;
  instance_id: string | null;
  source: TaskSource;
  engine_task_id: string;
  element_id: string;
  name: string;
  assignee: string | null;
  candidate_groups: string[];
  candidate_users: string[];
  form_key: string | null;
  due_at: Date | null;
  follow_up_at: Date | null;
  resident_id: string | null;
  variables: Record<string, unknown>;
  status: TaskStatus;
  completed_by: string | null;
  completed_at: Date | null;
  outcome: Record<string, unknown> | null;
  record_id: string | null;
  version: number;
  created_at: Date;
  loop_index: number | null;
  owner: string | null;
  draft: Record<string, unknown> | null;
};

const taskOf = (row: TaskRow): TaskEntity =>
  Object.assign(new TaskEntity(), {
    id: row.id,
    tenantId: row.tenant_id,
    instanceId: row.instance_id,
    source: row.source,
    engineTaskId: row.engine_task_id,
    elementId: row.element_id,
    name: row.name,
    assignee: row.assignee,
    candidateGroups: row.candidate_groups,
    candidateUsers: row.candidate_users,
    formKey: row.form_key,
    dueAt: row.due_at,
    followUpAt: row.follow_up_at,
    residentId: row.resident_id,
    variables: row.variables,
    status: row.status,
    completedBy: row.completed_by,
    completedAt: row.completed_at,
    outcome: row.outcome,
    recordId: row.record_id,
    version: row.version,
    createdAt: row.created_at,
    loopIndex: row.loop_index,
    owner: row.owner,
    draft: row.draft,
  });

/** A task, its instance and the resident's scope as `forWork` reads them (rows as `row_to_json` sends them). */
type TaskWorkJson = {
  task: Record<string, unknown>;
  instance: Record<string, unknown> | null;
  visible: boolean;
};

/** A `task` row as `row_to_json` sends it (timestamps as strings), as PostgreSQL's driver would. */
function taskRowOf(json: Record<string, unknown>): TaskRow {
  return {
    ...(json as unknown as TaskRow),
    due_at: jsonDate(json['due_at']),
    follow_up_at: jsonDate(json['follow_up_at']),
    completed_at: jsonDate(json['completed_at']),
    created_at: jsonDate(json['created_at']) ?? new Date(NaN),
  };
}

/** The columns of `TaskRow`, qualified by `t` (a select list that does not change with the table). */
const TASK_COLUMNS = (
  [
    'id',
    'tenant_id',
    'instance_id',
    'source',
    'engine_task_id',
    'element_id',
    'name',
    'assignee',
    'candidate_groups',
    'candidate_users',
    'form_key',
    'due_at',
    'follow_up_at',
    'resident_id',
    'variables',
    'status',
    'completed_by',
    'completed_at',
    'outcome',
    'record_id',
    'version',
    'created_at',
    'loop_index',
    'owner',
    'draft',
  ] as const satisfies readonly (keyof TaskRow)[]
)
  .map((column) => `t.${column}`)
  .join(', ');

/** A listed task with its resident's name (null without a resident: a listed task's resident is one the actor may see). */
export type ListedTask = TaskEntity & { residentName: string | null };

/** A task as the API answers it: listed ones carry their resident's name, a single task does not. */
export type TaskWithResidentName = TaskEntity & { residentName?: string | null };

/** A task to work on, its instance row (as `row_to_json` sends it) and whether the actor may see its resident. */
export type TaskForWork = { task: TaskEntity; instance: Record<string, unknown> | null; visible: boolean };

/** The only code that queries user tasks. */
@Injectable()
export class TasksRepository {
  async insert(manager: EntityManager, values: Omit<TaskEntity, 'id'>): Promise<void> {
    await manager.getRepository(TaskEntity).insert(values as QueryDeepPartialEntity<TaskEntity>);
  }

  findByEngineId(manager: EntityManager, engineTaskId: string, lock = false): Promise<TaskEntity | null> {
    const query = manager
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .where('t.engine_task_id = :engineTaskId', { engineTaskId });
    if (lock) {
      query.setLock('pessimistic_write');
    }
    return query.getOne();
  }

  /** A task row in the tenant, locked for the rest of the transaction when `lock`. */
  async find(manager: EntityManager, tenantId: string, id: string, lock = false): Promise<TaskEntity | null> {
    const rows: TaskRow[] = await manager.query(
      `SELECT * FROM task WHERE id = $1 AND tenant_id = $2${lock ? ' FOR UPDATE' : ''}`,
      [id, tenantId],
    );
    return rows[0] ? taskOf(rows[0]) : null;
  }

  /**
   * A task to work on, in one statement: its instance's row locked first (the order every command locks them
   * in, so a timer cancelling the task cannot deadlock with this), then the task row locked, and whether `actor`
   * may see the task's resident (the residents' record-level scope). Null when the tenant has no such task.
   */
  lockForWork(manager: EntityManager, actor: Actor, id: string): Promise<TaskForWork | null> {
    return this.forWork(manager, actor, id, true);
  }

  /**
   * `lockForWork` without locks (one snapshot of the task, its instance and the scope), for a completion that
   * writes in one statement checking that neither row changed since (`ProcessRuntimeService.stepAtOnce`).
   */
  readForWork(manager: EntityManager, actor: Actor, id: string): Promise<TaskForWork | null> {
    return this.forWork(manager, actor, id, false);
  }

  private async forWork(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock: boolean,
  ): Promise<TaskForWork | null> {
    const scope = accessScope(actor, { orgUnitPath: 'ou.path', residentId: 'r.id' });
    const params: unknown[] = [id, actor.tenantId];
    if (scope) {
      params.push(scope.params.scopePaths, scope.params.scopeUserId);
    }
    const scopeSql = scope
      ? ` AND ${scope.sql.replaceAll(':scopePaths', '$3::text[]').replaceAll(':scopeUserId', '$4::uuid')}`
      : '';
    // With `lock`, the instance is locked in the task's projection, which runs before the task row is locked (FOR
    // UPDATE OF t). Prepared (planned once per connection). One JSON value, whatever columns the tables have: the
    // driver parses it at once, where 27 columns cost it a parser each per call (a tenth of a completion's server
    // time went to reading this row).
    const rows = await queryPrepared<{ work: TaskWorkJson }>(
      manager,
      `SELECT json_build_object('task', row_to_json(t),
           'instance', (SELECT row_to_json(pi) FROM process_instance pi WHERE pi.id = t.instance_id${lock ? ' FOR UPDATE' : ''}),
           'visible', t.resident_id IS NULL OR EXISTS (SELECT 1 FROM resident r JOIN org_unit ou ON ou.id = r.org_unit_id
              WHERE r.id = t.resident_id AND r.tenant_id = t.tenant_id${scopeSql})) AS work
         FROM task t WHERE t.id = $1 AND t.tenant_id = $2${lock ? ' FOR UPDATE OF t' : ''}`,
      params,
    );
    const work = rows[0]?.work;
    return work
      ? { task: taskOf(taskRowOf(work.task)), instance: work.instance, visible: work.visible }
      : null;
  }

  /**
   * Writes the task's columns as they are in memory: one UPDATE, no read before it (callers hold the row
   * locked, or created it in their transaction).
   */
  async save(manager: EntityManager, task: TaskEntity): Promise<void> {
    const { id, ...columns } = task;
    await manager.getRepository(TaskEntity).update({ id }, columns as QueryDeepPartialEntity<TaskEntity>);
  }

  async list(manager: EntityManager, actor: Actor, filter: TaskFilter): Promise<ListedTask[]> {
    const params: unknown[] = [actor.tenantId];
    const param = (value: unknown, cast = ''): string => {
      params.push(value);
      return `$${params.length}${cast}`;
    };
    const where = ['t.tenant_id = $1'];
    let joins = '';
    const scope = accessScope(actor, { orgUnitPath: 'ou.path', residentId: 't.resident_id' });
    if (scope) {
      joins =
        ' LEFT JOIN resident res ON res.id = t.resident_id LEFT JOIN org_unit ou ON ou.id = res.org_unit_id';
      const paths = param(scope.params.scopePaths, '::text[]');
      const userId = param(scope.params.scopeUserId, '::uuid');
      where.push(
        `(t.resident_id IS NULL OR ${scope.sql.replaceAll(':scopePaths', paths).replaceAll(':scopeUserId', userId)})`,
      );
    }
    if (filter.processInstanceId) {
      where.push(`t.instance_id = ${param(filter.processInstanceId, '::uuid')}`);
    }
    if (filter.residentId) {
      where.push(`t.resident_id = ${param(filter.residentId, '::uuid')}`);
    }
    const status =
      filter.status ?? (filter.processInstanceId || filter.residentId || filter.done ? undefined : 'open');
    if (status) {
      where.push(`t.status = ${param(status)}`);
    }
    if (filter.mine) {
      where.push(`t.assignee = ${param(actor.username)}`);
    }
    if (filter.candidate) {
      const roles = param([...new Set(actor.roles.map((r) => r.role))], '::text[]');
      where.push(
        `t.assignee IS NULL AND (t.candidate_groups && ${roles} OR ${param(actor.username)} = ANY(t.candidate_users))`,
      );
    }
    if (filter.overdue) {
      where.push(`t.status = 'open' AND t.due_at < ${param(filter.now)}`);
    }
    if (filter.done) {
      where.push(`t.status = 'completed' AND t.completed_by = ${param(actor.userId, '::uuid')}`);
    }
    const order = filter.done
      ? 't.completed_at DESC, t.id ASC'
      : filter.residentId
        ? 't.created_at DESC, t.id DESC'
        : 't.created_at ASC, t.id ASC';
    // the resident's name in the same statement: an inbox shows it on every card (it read each resident before)
    const sql = `SELECT ${TASK_COLUMNS},
        (SELECT rn.name FROM resident rn WHERE rn.id = t.resident_id) AS resident_name
      FROM task t${joins} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${param(filter.limit, '::int')}`;
    // An instance's tasks (after each start and step): prepared; task_instance_created_id_idx answers it in order.
    type ListedRow = TaskRow & { resident_name: string | null };
    const rows = filter.processInstanceId
      ? await queryPrepared<ListedRow>(manager, sql, params)
      : await manager.query<ListedRow[]>(sql, params);
    return rows.map((row) => Object.assign(taskOf(row), { residentName: row.resident_name }));
  }

  byInstance(manager: EntityManager, instanceId: string): Promise<TaskEntity[]> {
    return manager.getRepository(TaskEntity).find({ where: { instanceId }, order: { createdAt: 'ASC' } });
  }
}
