import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A work order (工单): the projection of one complaint-workorder instance the list and KPIs read —
 * the intake facts, who filed it, and the milestones the process reaches (first response, resolution
 * deadline, resolved, rating). The process instance and its tasks stay the truth of where it stands.
 */
@Entity('work_order')
@Index('work_order_tenant_filed_idx', ['tenantId', 'filedAt'])
@Index('work_order_resident_idx', ['residentId'])
@Index('work_order_business_key_uq', ['tenantId', 'businessKey'], { unique: true })
export class WorkOrderEntity {
  /** The process instance's id. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  /** `TS-YYYYMMDD-NNNN`, tenant-local day. */
  @Column({ name: 'business_key', type: 'text' })
  businessKey: string;

  @Column({ name: 'resident_id', type: 'uuid' })
  residentId: string;

  @Column({ name: 'intake_record_id', type: 'uuid' })
  intakeRecordId: string;

  @Column({ name: 'complaint_type', type: 'text' })
  complaintType: string;

  @Column({ type: 'text' })
  urgency: string;

  @Column({ type: 'text', nullable: true })
  channel: string | null;

  @Column({ name: 'filed_by', type: 'uuid' })
  filedBy: string;

  @Column({ name: 'filed_by_name', type: 'text' })
  filedByName: string;

  /** Filed by a family member (through the family portal). */
  @Column({ name: 'filed_by_family', type: 'boolean', default: false })
  filedByFamily: boolean;

  @Column({ name: 'filed_at', type: 'timestamptz' })
  filedAt: Date;

  @Column({ name: 'first_responded_at', type: 'timestamptz', nullable: true })
  firstRespondedAt: Date | null;

  /** The resolution deadline of the current handling round (kept after the escalation timer fired). */
  @Column({ name: 'resolution_due_at', type: 'timestamptz', nullable: true })
  resolutionDueAt: Date | null;

  /** When the current handling round was resolved; cleared when the complaint is reopened. */
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'satisfaction_score', type: 'integer', nullable: true })
  satisfactionScore: number | null;

  @Column({ name: 'nps_score', type: 'integer', nullable: true })
  npsScore: number | null;

  @Column({ name: 'rated_at', type: 'timestamptz', nullable: true })
  ratedAt: Date | null;

  @Column({ name: 'reopen_count', type: 'integer', default: 0 })
  reopenCount: number;
}
