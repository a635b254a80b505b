import type { EntityManager } from 'typeorm';
import type { JobEntity } from './job.entity.js';
import { JOBS_CHANNEL } from './jobs.repository.js';
import type { IncidentEntity } from './incident.entity.js';
import type { MessageSubscriptionEntity } from './message-subscription.entity.js';
import type { OwnedRows } from './process-model.util.js';
import { queryPrepared } from '../common/database/prepared-query.js';
import type { ProcessHistoryEntity } from './process-history.entity.js';
import type { ProcessInstanceEntity } from './process-instance.entity.js';
import type { TaskEntity } from './task.entity.js';

/** Tables a step writes, with the columns an insert sets (the rest keep their defaults). */
const INSERT_COLUMNS = {
  process_instance: [
    'id',
    'tenant_id',
    'definition_id',
    'process_key',
    'process_version',
    'status',
    'state',
    'version',
    'resident_id',
    'business_key',
    'started_by',
    'parent_instance_id',
    'parent_call_id',
    'created_at',
    'updated_at',
    'ended_at',
  ],
  task: [
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
  ],
  job: [
    'tenant_id',
    'type',
    'instance_id',
    'engine_ref',
    'payload',
    'due_at',
    'attempts',
    'max_attempts',
    'locked_by',
    'locked_until',
    'last_error',
    'status',
    'created_at',
  ],
  process_history: [
    'tenant_id',
    'instance_id',
    'at',
    'element_id',
    'element_type',
    'event',
    'token_id',
    'actor_id',
    'actor_name',
    'reason',
    'details',
  ],
  message_subscription: [
    'tenant_id',
    'instance_id',
    'engine_subscription_id',
    'element_id',
    'name',
    'correlation_key',
    'created_at',
  ],
  incident: [
    'tenant_id',
    'instance_id',
    'job_id',
    'engine_incident_id',
    'element_id',
    'message',
    'status',
    'created_at',
    'resolved_at',
  ],
} as const;

type Table = keyof typeof INSERT_COLUMNS;
type Row = Record<string, unknown>;

/** A write of the batch: rows to insert into a table, or one UPDATE/DELETE (`sql` with `$n` placeholders). */
type Part =
  | { kind: 'insert'; table: Table; rows: Row[] }
  | {
      kind: 'modify';
      table: Table;
      sql: string;
      params: unknown[];
      /** May this statement match rows the batch inserts? Then pending inserts into its table go first. */
      seesInserts: boolean;
      /** Counts the rows it changed into `changed` (at most one modify per batch). */
      counted: boolean;
    };

/** Placeholders `$1…` of a part renumbered after the `offset` parameters before it. */
const shift = (sql: string, offset: number): string =>
  sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);

const insertSql = (table: Table, param: number, guard: string): string => {
  const columns = INSERT_COLUMNS[table].join(', ');
  const selected = INSERT_COLUMNS[table].map((column) => `r.${column}`).join(', ');
  // WITH ORDINALITY + ORDER BY: rows get identity values (history ids) in the order they were added.
  return (
    `INSERT INTO ${table} (${columns}) SELECT ${selected} ` +
    `FROM json_populate_recordset(NULL::${table}, $${param}::json) WITH ORDINALITY AS r${guard} ORDER BY r.ordinality`
  );
};

/**
 * The rows one engine step writes (state, tasks, jobs, history, subscriptions, incidents, cancellations), sent
 * as few statements as their order allows: consecutive writes go out as one statement of data-modifying CTEs.
 * All parts of one statement see the rows as they were before it, so a write that must see rows inserted
 * earlier in the batch (cancelling a task or timer created in the same step) starts a new statement.
 */
export class StepWrites {
  private parts: Part[] = [];
  private notifyJobs = false;
  private changed: number | null = null;
  private expected: {
    instance: { id: string; version: number };
    task?: { id: string; version: number };
  } | null = null;

  insert(table: Table, row: Row): void {
    const last = this.parts.findLast((part) => part.table === table);
    if (last?.kind === 'insert') {
      last.rows.push(row);
    } else {
      this.parts.push({ kind: 'insert', table, rows: [row] });
    }
  }

  insertInstance(instance: ProcessInstanceEntity): void {
    this.insert('process_instance', {
      id: instance.id,
      tenant_id: instance.tenantId,
      definition_id: instance.definitionId,
      process_key: instance.processKey,
      process_version: instance.processVersion,
      status: instance.status,
      state: instance.state,
      version: instance.version,
      resident_id: instance.residentId,
      business_key: instance.businessKey,
      started_by: instance.startedBy,
      parent_instance_id: instance.parentInstanceId,
      parent_call_id: instance.parentCallId,
      created_at: instance.createdAt,
      updated_at: instance.updatedAt,
      ended_at: instance.endedAt,
    });
  }

  insertTask(task: TaskEntity): void {
    this.insert('task', {
      id: task.id,
      tenant_id: task.tenantId,
      instance_id: task.instanceId,
      source: task.source,
      engine_task_id: task.engineTaskId,
      element_id: task.elementId,
      name: task.name,
      assignee: task.assignee,
      candidate_groups: task.candidateGroups,
      candidate_users: task.candidateUsers,
      form_key: task.formKey,
      due_at: task.dueAt,
      follow_up_at: task.followUpAt,
      resident_id: task.residentId,
      variables: task.variables,
      status: task.status,
      completed_by: task.completedBy,
      completed_at: task.completedAt,
      outcome: task.outcome,
      record_id: task.recordId,
      version: task.version,
      created_at: task.createdAt,
      loop_index: task.loopIndex ?? null,
    });
  }

  insertJob(job: Omit<JobEntity, 'id'>): void {
    this.insert('job', {
      tenant_id: job.tenantId,
      type: job.type,
      instance_id: job.instanceId,
      engine_ref: job.engineRef,
      payload: job.payload,
      due_at: job.dueAt,
      attempts: job.attempts,
      max_attempts: job.maxAttempts,
      locked_by: job.lockedBy,
      locked_until: job.lockedUntil,
      last_error: job.lastError,
      status: job.status,
      created_at: job.createdAt,
    });
  }

  insertHistory(row: Omit<ProcessHistoryEntity, 'id'>): void {
    this.insert('process_history', {
      tenant_id: row.tenantId,
      instance_id: row.instanceId,
      at: row.at,
      element_id: row.elementId,
      element_type: row.elementType,
      event: row.event,
      token_id: row.tokenId,
      // left out when unset: json_populate_recordset reads a missing key as NULL (and it is less JSON both ways)
      actor_id: row.actorId ?? undefined,
      actor_name: row.actorName ?? undefined,
      reason: row.reason ?? undefined,
      details: row.details ?? undefined,
    });
  }

  insertSubscription(row: Omit<MessageSubscriptionEntity, 'id'>): void {
    this.insert('message_subscription', {
      tenant_id: row.tenantId,
      instance_id: row.instanceId,
      engine_subscription_id: row.engineSubscriptionId,
      element_id: row.elementId,
      name: row.name,
      correlation_key: row.correlationKey,
      created_at: row.createdAt,
    });
  }

  insertIncident(row: Omit<IncidentEntity, 'id'>): void {
    this.insert('incident', {
      tenant_id: row.tenantId,
      instance_id: row.instanceId,
      job_id: row.jobId,
      engine_incident_id: row.engineIncidentId,
      element_id: row.elementId,
      message: row.message,
      status: row.status,
      created_at: row.createdAt,
      resolved_at: row.resolvedAt,
    });
  }

  /**
   * An UPDATE or DELETE ending with its WHERE condition (a condition may be appended with AND); `seesInserts`
   * when it may match rows inserted earlier in this batch; `counted` for the version-checked state update: the
   * writes after it run only when it changed its row.
   */
  modify(table: Table, sql: string, params: unknown[], seesInserts: boolean, counted = false): void {
    this.parts.push({ kind: 'modify', table, sql, params, seesInserts, counted });
  }

  /** The instance's new state, when the row still has `expectedVersion` (see `flush`'s `changed`). */
  saveState(instance: ProcessInstanceEntity, expectedVersion: number): void {
    this.modify(
      'process_instance',
      `UPDATE process_instance SET state = $1::jsonb, status = $2, version = $3, updated_at = $4, ended_at = $5
       WHERE id = $6 AND version = $7`,
      [
        JSON.stringify(instance.state),
        instance.status,
        instance.version,
        instance.updatedAt,
        instance.endedAt,
        instance.id,
        expectedVersion,
      ],
      false,
      true,
    );
  }

  /**
   * A completion of a task row that existed before this batch and was read in this transaction: only the columns
   * a completion changes (`updateTask` rewrites them all, its variables and draft too).
   */
  completeTask(task: TaskEntity): void {
    this.modify(
      'task',
      `UPDATE task SET assignee = $2, status = $3, completed_by = $4, completed_at = $5, outcome = $6::jsonb,
       record_id = $7, version = $8 WHERE id = $1`,
      [
        task.id,
        task.assignee,
        task.status,
        task.completedBy,
        task.completedAt,
        task.outcome === null ? null : JSON.stringify(task.outcome),
        task.recordId,
        task.version,
      ],
      false,
    );
  }

  cancelTask(engineTaskId: string, at: Date): void {
    this.modify(
      'task',
      `UPDATE task SET status = 'cancelled', completed_at = $2, version = version + 1
       WHERE engine_task_id = $1 AND status = 'open'`,
      [engineTaskId, at],
      true,
    );
  }

  cancelTimer(instanceId: string, engineRef: string): void {
    this.modify(
      'job',
      `DELETE FROM job WHERE id IN (SELECT id FROM job WHERE instance_id = $1 AND engine_ref = $2
       AND status = 'pending' FOR UPDATE SKIP LOCKED)`,
      [instanceId, engineRef],
      true,
    );
  }

  deleteSubscription(instanceId: string, engineSubscriptionId: string): void {
    this.modify(
      'message_subscription',
      'DELETE FROM message_subscription WHERE instance_id = $1 AND engine_subscription_id = $2',
      [instanceId, engineSubscriptionId],
      true,
    );
  }

  /**
   * An ended instance: its message subscriptions and pending jobs go — only the kinds its definition can own
   * (`rowsOwnedBy`): a delete that cannot match costs its planning and an index probe in every last step.
   */
  ended(instanceId: string, owned: OwnedRows): void {
    if (owned.subscriptions) {
      this.modify(
        'message_subscription',
        'DELETE FROM message_subscription WHERE instance_id = $1',
        [instanceId],
        true,
      );
    }
    if (owned.jobs) {
      this.modify(
        'job',
        `DELETE FROM job WHERE id IN (SELECT id FROM job WHERE instance_id = $1 AND status = 'pending'
         FOR UPDATE SKIP LOCKED)`,
        [instanceId],
        true,
      );
    }
  }

  /**
   * For a batch sent outside a transaction (one autocommit statement, see `statements`): the counted write, and so
   * every other, happens only while the instance row still has `instance.version` and the `task` row (when given)
   * still has `task.version` and is open. The statement locks the instance row, then the task row (the order every
   * command locks them in), so no other transaction can change either between that check and the writes.
   */
  expect(instance: { id: string; version: number }, task?: { id: string; version: number }): void {
    this.expected = { instance, ...(task ? { task } : {}) };
  }

  /** How many statements `flush` sends (1: the batch is atomic on its own, even without a transaction). */
  statements(): number {
    let count = 0;
    let batch: Part[] = [];
    for (const part of this.parts) {
      if (this.mustFollow(batch, part)) {
        count += 1;
        batch = [];
      }
      batch.push(part);
    }
    return batch.length > 0 || this.notifyJobs ? count + 1 : count;
  }

  /** Wakes the job workers when the transaction commits. */
  notify(): void {
    this.notifyJobs = true;
  }

  /**
   * Sends what was added; returns the number of rows the counted write (`saveState`) changed, or null when
   * there was none. Nothing is left pending afterwards.
   */
  async flush(manager: EntityManager): Promise<number | null> {
    if (this.expected && this.statements() !== 1) {
      throw new Error('StepWrites.expect needs writes that go out as one statement');
    }
    const parts = this.parts;
    this.parts = [];
    this.changed = null;
    let batch: Part[] = [];
    for (const part of parts) {
      if (this.mustFollow(batch, part)) {
        await this.send(manager, batch, false);
        batch = [];
        if (this.changed === 0) {
          // the state was not saved: nothing else of this step may be written (the caller throws)
          this.notifyJobs = false;
          return 0;
        }
      }
      batch.push(part);
    }
    await this.send(manager, batch, this.notifyJobs);
    this.notifyJobs = false;
    return this.changed;
  }

  /** Whether `part` must wait for `batch` to be written (it may see or change the same rows). */
  private mustFollow(batch: Part[], part: Part): boolean {
    if (part.kind === 'insert') {
      return false;
    }
    return batch.some(
      (earlier) => earlier.table === part.table && (earlier.kind === 'modify' || part.seesInserts),
    );
  }

  private async send(manager: EntityManager, parts: Part[], notify: boolean): Promise<void> {
    if (parts.length === 0 && !notify) {
      return;
    }
    const expected = this.expected;
    this.expected = null;
    const params: unknown[] = [];
    // The statement's shape: which gates, which writes in which order, whether it notifies. Its text depends on
    // nothing else, so it is built once per shape (`statementText`), not on every step.
    let shape = '';
    if (expected) {
      params.push(expected.instance.id, expected.instance.version);
      shape = 'g0';
      if (expected.task) {
        params.push(expected.task.id, expected.task.version);
        shape = 'g1';
      }
    }
    let counted = false;
    for (const part of parts) {
      if (part.kind === 'insert') {
        params.push(JSON.stringify(part.rows));
        shape += ` i${part.table}`;
      } else {
        params.push(...part.params);
        shape += ` m${textId(part.sql)}:${part.params.length}${part.counted ? 'c' : ''}`;
        counted ||= part.counted;
      }
    }
    if (notify) {
      shape += ' n';
    }
    let sql = statementByShape.get(shape);
    if (sql === undefined) {
      sql = statementText(parts, expected, notify);
      if (statementByShape.size < MAX_SHAPES) {
        statementByShape.set(shape, sql);
      }
    }
    const rows = await queryPrepared<{ changed: number | null }>(manager, sql, params);
    if (counted) {
      this.changed = rows[0]?.changed ?? 0;
    }
  }
}

/** Shapes of step statements kept with their text at most (the engine writes a few dozen). */
const MAX_SHAPES = 500;
const statementByShape = new Map<string, string>();
/** Numbers of the UPDATE/DELETE texts (`StepWrites.modify`), for the shapes. */
const textIds = new Map<string, number>();

const textId = (sql: string): number => {
  let id = textIds.get(sql);
  if (id === undefined) {
    id = textIds.size;
    textIds.set(sql, id);
  }
  return id;
};

/**
 * The one statement of `parts` (data-modifying CTEs, their placeholders numbered in the order `send` puts the
 * parameters in), after the expectation's row locks when there is one, with `pg_notify` when `notify`.
 */
function statementText(parts: readonly Part[], expected: { task?: unknown } | null, notify: boolean): string {
  let next = 0;
  const ctes: string[] = [];
  // The CTE every write waits for: the expectation's row locks, then the counted write (version-checked state).
  let gate: string | null = null;
  let counted: string | null = null;
  if (expected) {
    ctes.push('g0 AS (SELECT 1 FROM process_instance WHERE id = $1 AND version = $2 FOR UPDATE)');
    gate = 'g0';
    next = 2;
    if (expected.task) {
      ctes.push(
        `g1 AS (SELECT 1 FROM task WHERE id = $3 AND version = $4 AND status = 'open' AND EXISTS (SELECT 1 FROM g0)
           FOR UPDATE)`,
      );
      gate = 'g1';
      next = 4;
    }
  }
  for (const [index, part] of parts.entries()) {
    const name = `w${index}`;
    // After the counted write (the version-checked state update), the others only run when it changed its row.
    const guard = gate ? ` WHERE EXISTS (SELECT 1 FROM ${gate})` : '';
    if (part.kind === 'insert') {
      next += 1;
      ctes.push(`${name} AS (${insertSql(part.table, next, guard)})`);
    } else {
      const sql = shift(part.sql, next);
      const returning = part.counted ? ' RETURNING 1' : '';
      ctes.push(`${name} AS (${guard ? `${sql}${guard.replace(' WHERE', ' AND')}` : sql}${returning})`);
      next += part.params.length;
      if (part.counted) {
        counted = name;
        gate = name;
      }
    }
  }
  const selected = [
    counted ? `(SELECT count(*) FROM ${counted})::int AS changed` : 'NULL::int AS changed',
    ...(notify ? [`pg_notify('${JOBS_CHANNEL}', '')`] : []),
  ];
  return `${ctes.length > 0 ? `WITH ${ctes.join(', ')} ` : ''}SELECT ${selected.join(', ')}`;
}
