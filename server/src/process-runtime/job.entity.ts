import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type JobType = 'timer' | 'service' | 'webhook' | 'start-timer';
export type JobStatus = 'pending' | 'done' | 'failed';

/**
 * Work that becomes due at a time: timers, service tasks (asynchronous continuations), webhooks
 * (outbox), timer start events. Written in the same transaction as the step that scheduled it.
 */
@Entity('job')
@Index('job_due_pending_idx', ['dueAt'], { where: `"status" = 'pending'` })
@Index('job_instance_ref_idx', ['instanceId', 'engineRef'])
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
