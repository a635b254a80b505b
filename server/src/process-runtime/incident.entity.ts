import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type IncidentStatus = 'open' | 'resolved';

/** A token the engine could not move (expression error, service failing after its retries). */
@Entity('incident')
@Index('incident_tenant_status_idx', ['tenantId', 'status'])
@Index('incident_instance_idx', ['instanceId'])
export class IncidentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'instance_id', type: 'uuid' })
  instanceId: string;

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
