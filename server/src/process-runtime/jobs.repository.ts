import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { JobEntity } from './job.entity.js';

export const JOBS_CHANNEL = 'careloom_jobs';

/** The only code that queries the job table. Due checks always use the server clock, never now(). */
@Injectable()
export class JobsRepository {
  /** A new job; `id` may be chosen by the caller (to name it before the commit). */
  async insert(manager: EntityManager, values: Omit<JobEntity, 'id'> & { id?: string }): Promise<void> {
    await manager.getRepository(JobEntity).insert(values as QueryDeepPartialEntity<JobEntity>);
  }

  /**
   * Removes a pending job (a cancelled timer). A job another worker holds right now is skipped: that
   * worker's command then finds the timer gone in the engine state and drops the job itself.
   */
  async cancel(manager: EntityManager, instanceId: string, engineRef: string): Promise<void> {
    await manager.query(
      `DELETE FROM job WHERE id IN (SELECT id FROM job WHERE instance_id = $1 AND engine_ref = $2
       AND status = 'pending' FOR UPDATE SKIP LOCKED)`,
      [instanceId, engineRef],
    );
  }

  async cancelForInstance(manager: EntityManager, instanceId: string): Promise<void> {
    await manager.query(
      `DELETE FROM job WHERE id IN (SELECT id FROM job WHERE instance_id = $1 AND status = 'pending'
       FOR UPDATE SKIP LOCKED)`,
      [instanceId],
    );
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

  /** One due job, locked for this transaction; jobs other workers hold (or have claimed) are skipped. */
  async claimDue(manager: EntityManager, now: Date): Promise<JobEntity | null> {
    return manager
      .getRepository(JobEntity)
      .createQueryBuilder('j')
      .where(`j.status = 'pending' AND j.due_at <= :now`, { now })
      .andWhere('(j.locked_until IS NULL OR j.locked_until < :now)', { now })
      .orderBy('j.due_at', 'ASC')
      .limit(1)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getOne();
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

  async save(manager: EntityManager, job: JobEntity): Promise<void> {
    await manager.getRepository(JobEntity).save(job);
  }

  /** Pending jobs due at `now` (including those being worked on right now, anywhere). */
  async countDue(manager: EntityManager, now: Date): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM job WHERE status = 'pending' AND due_at <= $1`,
      [now],
    );
    return rows[0]?.n ?? 0;
  }

  async nextDueAt(manager: EntityManager): Promise<Date | null> {
    const rows: { due_at: Date }[] = await manager.query(
      `SELECT due_at FROM job WHERE status = 'pending' ORDER BY due_at LIMIT 1`,
    );
    return rows[0]?.due_at ?? null;
  }

  async notify(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_notify($1, '')`, [JOBS_CHANNEL]);
  }
}
