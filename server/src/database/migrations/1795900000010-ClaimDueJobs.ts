import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ClaimDueJobs. Written by hand: the job worker claims due jobs through this function, in due order, up to a
 * batch at a time, and marks them in the same statement (done, or leased to the worker for a webhook); the
 * caller's transaction applies them. Its SET clause keeps the plan an ordered scan of job_due_pending_idx that
 * stops at the batch: a burst of timers due just now lies below the statistics' range, the planner then expects
 * a row or two and chose a bitmap scan that read and sorted every due row on each claim (5–12 ms with 2,000 due,
 * the worker fired 100–190 timers/s). PL/pgSQL: the plan is kept for the session.
 */
export class ClaimDueJobs1795900000010 implements MigrationInterface {
  name = 'ClaimDueJobs1795900000010';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION claim_due_jobs(p_now timestamptz, p_limit integer, p_worker text, p_lease_until timestamptz)
       RETURNS SETOF job LANGUAGE plpgsql SET enable_bitmapscan = off SET enable_sort = off AS $$
       BEGIN
         RETURN QUERY UPDATE job j SET attempts = j.attempts + 1,
           status = CASE WHEN j.type = 'webhook' THEN 'pending' ELSE 'done' END,
           locked_by = CASE WHEN j.type = 'webhook' THEN p_worker ELSE j.locked_by END,
           locked_until = CASE WHEN j.type = 'webhook' THEN p_lease_until ELSE j.locked_until END
         FROM (SELECT id FROM job WHERE status = 'pending' AND due_at <= p_now
               AND (locked_until IS NULL OR locked_until < p_now)
               ORDER BY due_at LIMIT p_limit FOR UPDATE SKIP LOCKED) due
         WHERE j.id = due.id
         RETURNING j.*;
       END
       $$`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION claim_due_jobs(timestamptz, integer, text, timestamptz)`);
  }
}
