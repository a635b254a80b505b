import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type IncidentStatus = 'open' | 'resolved';

/**
 * A token the engine could not move (expression error, service failing after its retries), or an
 * outbox job without an instance (a rule's webhook) that failed after its retries: then `jobId` is
 * set, `instanceId` null, and a retry sends the job again.
 */
@Entity('incident')
@Index('incident_tenant_status_idx', ['tenantId', 'status'])
@Index('incident_instance_idx', ['instanceId'])
export class IncidentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'instance_id', type: 'uuid', nullable: true })
  instanceId: string | null;

  @Column({ name: 'job_id', type: 'uuid', nullable: true })
  jobId: string | null;

  @Column({ name: 'engine_incident_id', type: 'text' })
  engineIncidentId: string;

  @Column({ name: 'element_id', type: 'text' })
  elementId: string;

  @Column({ type: 'text' })
  message: string;

  @Column({ type: 'text' })
  status: IncidentStatus;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
