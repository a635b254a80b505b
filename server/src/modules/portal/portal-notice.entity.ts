import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type NoticeCategory = 'notice' | 'bill' | 'activity';

/**
 * A notice for families: the whole home (no org unit, no resident), the families of one org unit's
 * residents and below, or one resident's family (a personal notice such as a monthly bill).
 * A draft until `publishedAt` is set.
 */
@Entity('portal_notice')
@Index('portal_notice_tenant_published_idx', ['tenantId', 'publishedAt'])
@Index('portal_notice_resident_idx', ['residentId'])
export class PortalNoticeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'org_unit_id', type: 'uuid', nullable: true })
  orgUnitId: string | null;

  @Column({ name: 'resident_id', type: 'uuid', nullable: true })
  residentId: string | null;

  @Column({ type: 'text' })
  category: NoticeCategory;

  @Column({ type: 'text' })
  title: string;

  /** Plain text; the UI never renders it as HTML. */
  @Column({ type: 'text' })
  body: string;

  /** Bills only: the amount in fen (1/100 yuan), so money is never a float. */
  @Column({ name: 'amount_fen', type: 'integer', nullable: true })
  amountFen: number | null;

  /** Bills only: always CNY for now. */
  @Column({ type: 'text', nullable: true })
  currency: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
