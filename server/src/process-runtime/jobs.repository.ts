import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { queryPrepared } from '../common/database/prepared-query.js';
import { JobEntity } from './job.entity.js';

export const JOBS_CHANNEL = 'careloom_jobs';

/** A `job` row as PostgreSQL sends it. */
type JobRow = {
  id: string;
  tenant_id: string;
  type: JobEntity['type'];
  instance_id: string | null;
  engine_ref: string;
  payload: Record<string, unknown>;
  due_at: Date;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: Date | null;
  last_error: string | null;
  status: JobEntity['status'];
  created_at: Date;
};

const jobOf = (row: JobRow): JobEntity =>
  Object.assign(new JobEntity(), {
    id: row.id,
    tenantId: row.tenant_id,
    type: row.type,
    instanceId: row.instance_id,
    engineRef: row.engine_ref,
    payload: row.payload,
    dueAt: row.due_at,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    lastError: row.last_error,
    status: row.status,
    createdAt: row.created_at,
  });

/** The only code that queries the job table. Due checks always use the server clock, never now(). */
@Injectable()
export class JobsRepository {
  /** A new job; `id` may be chosen by the caller (to name it before the commit). */
  async insert(manager: EntityManager, values: Omit<JobEntity, 'id'> & { id?: string }): Promise<void> {
    await manager.getRepository(JobEntity).insert(values as QueryDeepPartialEntity<JobEntity>);
  }

  /** Pending timer start events of a process key (a new version replaces them). */
  async cancelStartTimers(manager: EntityManager, tenantId: string, key: string): Promise<void> {
    await manager.query(
      `DELETE FROM job WHERE id IN (SELECT id FROM job WHERE tenant_id = $1 AND type = 'start-timer'
       AND status = 'pending' AND payload ->> 'key' = $2 FOR UPDATE SKIP LOCKED)`,
      [tenantId, key],
    );
  }

  /**
   * Removes pending jobs of a type by reference (`engineRef` equal to `ref`, or starting with it when
   * `prefix`): a rule's schedule replaced, a record's date reminders rescheduled.
   */
  async cancelByRef(
    manager: EntityManager,
    tenantId: string,
    type: string,
    ref: string,
    prefix = false,
  ): Promise<void> {
    await manager.query(
      `DELETE FROM job WHERE id IN (SELECT id FROM job WHERE tenant_id = $1 AND type = $2
       AND status = 'pending' AND ${prefix ? 'starts_with(engine_ref, $3)' : 'engine_ref = $3'}
       FOR UPDATE SKIP LOCKED)`,
      [tenantId, type, ref],
    );
  }

  /** Pending jobs of a type by reference, soonest first (what a rule has scheduled). */
  pendingByRef(manager: EntityManager, tenantId: string, type: string, ref: string): Promise<JobEntity[]> {
    return manager
      .getRepository(JobEntity)
      .find({ where: { tenantId, type, engineRef: ref, status: 'pending' }, order: { dueAt: 'ASC' } });
  }

  /** A job of the tenant, locked for the rest of the transaction. */
  findLocked(manager: EntityManager, tenantId: string, id: string): Promise<JobEntity | null> {
    return manager
      .getRepository(JobEntity)
      .createQueryBuilder('j')
      .where('j.id = :id AND j.tenant_id = :tenantId', { id, tenantId })
      .setLock('pessimistic_write')
      .getOne();
  }

  /**
   * Up to `limit` due jobs, soonest first, locked for this transaction and marked as if they succeed: one attempt
   * more, and done — a webhook instead stays pending, leased to `worker` until `leaseUntil` (it is called after the
   * commit). Jobs other workers hold or have leased are skipped. One statement (the `claim_due_jobs` function,
   * whose plan is an ordered index scan that stops at `limit` whatever the statistics say).
   */
  async claimDue(
    manager: EntityManager,
    now: Date,
    limit: number,
    lease: { worker: string; until: Date },
  ): Promise<JobEntity[]> {
    const rows: JobRow[] = await manager.query('SELECT * FROM claim_due_jobs($1, $2, $3, $4)', [
      now,
      limit,
      lease.worker,
      lease.until,
    ]);
    // RETURNING keeps no order
    return rows.map(jobOf).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  }

  /** The job again, locked, if it is still pending and claimed by `lockedBy` (webhook second phase). */
  findClaimed(manager: EntityManager, id: string, lockedBy: string): Promise<JobEntity | null> {
    return manager
      .getRepository(JobEntity)
      .createQueryBuilder('j')
      .where(`j.id = :id AND j.status = 'pending' AND j.locked_by = :lockedBy`, { id, lockedBy })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Writes the job's changing columns as they are in memory: one UPDATE, no read (callers hold the row locked). */
  async save(manager: EntityManager, job: JobEntity): Promise<void> {
    await manager.query(
      `UPDATE job SET attempts = $2, status = $3, due_at = $4, locked_by = $5, locked_until = $6, last_error = $7,
       max_attempts = $8, payload = $9::jsonb WHERE id = $1`,
      [
        job.id,
        job.attempts,
        job.status,
        job.dueAt,
        job.lockedBy,
        job.lockedUntil,
        job.lastError,
        job.maxAttempts,
        JSON.stringify(job.payload),
      ],
    );
  }

  /** Pending jobs due at `now` (including those being worked on right now, anywhere). */
  async countDue(manager: EntityManager, now: Date): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM job WHERE status = 'pending' AND due_at <= $1`,
      [now],
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * When the next job claim_due_jobs could claim falls due (its condition: pending, and not leased at `now`), or
   * null: the job worker's poll, one read of job_due_pending_idx in order (the first row answers), before it opens a
   * claim transaction. Past or equal to `now` means something is due.
   */
  async nextClaimableAt(manager: EntityManager, now: Date): Promise<Date | null> {
    const rows = await queryPrepared<{ due_at: Date }>(
      manager,
      `SELECT due_at FROM job WHERE status = 'pending' AND (locked_until IS NULL OR locked_until < $1)
        ORDER BY due_at LIMIT 1`,
      [now],
    );
    return rows[0]?.due_at ?? null;
  }

  async notify(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_notify($1, '')`, [JOBS_CHANNEL]);
  }
}
