import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type TaskStatus = 'open' | 'completed' | 'cancelled';
/** Who made the task: a process's user task, or a rule's create-task action (no instance). */
export type TaskSource = 'process' | 'rule';

/** One user task: created by the engine (one row per create-task effect) or by a rule on its own. */
@Entity('task')
@Index('task_engine_id_uq', ['engineTaskId'], { unique: true })
// an instance's tasks in creation order (listed after each start and step)
@Index('task_instance_created_id_idx', ['instanceId', 'createdAt', 'id'])
@Index('task_open_idx', ['tenantId', 'status', 'dueAt'])
// task reports narrow by element and period (server/src/modules/reports)
@Index('task_report_idx', ['tenantId', 'elementId', 'createdAt'])
// a resident's tasks, newest first (their timeline)
@Index('task_resident_created_idx', ['residentId', 'createdAt'], { where: '"resident_id" IS NOT NULL' })
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  /** Null for a standalone task (source `rule`). */
  @Column({ name: 'instance_id', type: 'uuid', nullable: true })
  instanceId: string | null;

  @Column({ type: 'text', default: 'process' })
  source: TaskSource;

  /** The engine's task id; for a standalone task `rule:<uuid>`. */
  @Column({ name: 'engine_task_id', type: 'text' })
  engineTaskId: string;

  @Column({ name: 'element_id', type: 'text' })
  elementId: string;

  @Column({ type: 'text' })
  name: string;

  /** Username. */
  @Column({ type: 'text', nullable: true })
  assignee: string | null;

  /** Role keys. */
  @Column({ name: 'candidate_groups', type: 'text', array: true })
  candidateGroups: string[];

  /** Usernames. */
  @Column({ name: 'candidate_users', type: 'text', array: true })
  candidateUsers: string[];

  @Column({ name: 'form_key', type: 'text', nullable: true })
  formKey: string | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'follow_up_at', type: 'timestamptz', nullable: true })
  followUpAt: Date | null;

  @Column({ name: 'resident_id', type: 'uuid', nullable: true })
  residentId: string | null;

  /** The variables the task was created with (its input). */
  @Column({ type: 'jsonb' })
  variables: Record<string, unknown>;

  @Column({ type: 'text' })
  status: TaskStatus;

  @Column({ name: 'completed_by', type: 'uuid', nullable: true })
  completedBy: string | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** The output data the task was completed with. */
  @Column({ type: 'jsonb', nullable: true })
  outcome: Record<string, unknown> | null;

  @Column({ name: 'record_id', type: 'uuid', nullable: true })
  recordId: string | null;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Index of the instance in a multi-instance user task (countersign); null for a single task. */
  @Column({ name: 'loop_index', type: 'integer', nullable: true })
  loopIndex?: number | null;

  /** While delegated: the username the task returns to when the delegate resolves it. */
  @Column({ type: 'text', nullable: true })
  owner?: string | null;

  /** Data to start the form with: a delegate's answer, or the last submission after a send-back or withdraw. */
  @Column({ type: 'jsonb', nullable: true })
  draft?: Record<string, unknown> | null;
}
