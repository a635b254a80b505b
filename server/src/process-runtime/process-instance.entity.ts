import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ProcessInstanceStatus = 'active' | 'completed' | 'cancelled' | 'incident';

/** One running (or finished) process: the engine state as JSONB, locked per command. */
@Entity('process_instance')
@Index('process_instance_key_status_idx', ['tenantId', 'processKey', 'status'])
@Index('process_instance_resident_idx', ['residentId'], { where: '"resident_id" IS NOT NULL' })
@Index('process_instance_parent_idx', ['parentInstanceId'], { where: '"parent_instance_id" IS NOT NULL' })
export class ProcessInstanceEntity {
  /** Chosen by the server before the first step: the engine prefixes its ids with it. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'definition_id', type: 'uuid' })
  definitionId: string;

  @Column({ name: 'process_key', type: 'text' })
  processKey: string;

  @Column({ name: 'process_version', type: 'integer' })
  processVersion: number;

  @Column({ type: 'text' })
  status: ProcessInstanceStatus;

  /** The engine's InstanceState. */
  @Column({ type: 'jsonb' })
  state: Record<string, unknown>;

  /** Optimistic-lock counter: +1 per applied command. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'resident_id', type: 'uuid', nullable: true })
  residentId: string | null;

  @Column({ name: 'business_key', type: 'text', nullable: true })
  businessKey: string | null;

  @Column({ name: 'started_by', type: 'uuid', nullable: true })
  startedBy: string | null;

  /** Set for instances started by a call activity. */
  @Column({ name: 'parent_instance_id', type: 'uuid', nullable: true })
  parentInstanceId: string | null;

  @Column({ name: 'parent_call_id', type: 'text', nullable: true })
  parentCallId: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
