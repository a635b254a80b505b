import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The runner's own job types. `webhook` jobs without an instance are outbox deliveries (a request
 * prepared by whoever wrote the job). Other types are applied by handlers registered in
 * `JobHandlers`: `task-due` (written here for each task with a due time) and the rules module's.
 */
export type BuiltInJobType = 'timer' | 'service' | 'webhook' | 'start-timer';
export type JobType = BuiltInJobType | (string & {});
/** Written for each task with a due time, due then; what "overdue" means is up to its handler (rules). */
export const TASK_DUE_JOB = 'task-due';

/** The payload of a webhook job without an instance: the request is prepared when the job is written. */
export type OutboxWebhook = {
  url: string;
  body: unknown;
  headers: Record<string, string>;
  /** Who wrote it, for the incident and the logs (e.g. `rule:fall-alert`). */
  source: string;
};

export type JobStatus = 'pending' | 'done' | 'failed';

/**
 * Work that becomes due at a time: timers, service tasks (asynchronous continuations), webhooks
 * (outbox), timer start events, task due times and registered types (scheduled rules). Written in the
 * same transaction as the change that scheduled it.
 */
@Entity('job')
@Index('job_due_pending_idx', ['dueAt'], { where: `"status" = 'pending'` })
@Index('job_instance_ref_idx', ['instanceId', 'engineRef'])
@Index('job_pending_type_ref_idx', ['type', 'engineRef'], { where: `"status" = 'pending'` })
export class JobEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  type: JobType;

  @Column({ name: 'instance_id', type: 'uuid', nullable: true })
  instanceId: string | null;

  /** The engine's timer or job id (or the start event id of a start timer). */
  @Column({ name: 'engine_ref', type: 'text' })
  engineRef: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ name: 'max_attempts', type: 'integer' })
  maxAttempts: number;

  @Column({ name: 'locked_by', type: 'text', nullable: true })
  lockedBy: string | null;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'text' })
  status: JobStatus;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
