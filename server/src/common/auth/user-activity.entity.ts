import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row per user and day (in the home's time zone) with at least one authenticated request: the
 * `activity` report source (family-portal monthly active users). No foreign keys: a row is a fact about
 * the past and is cheap to keep; it goes with its tenant when the tenant is removed.
 */
@Entity('user_activity')
@Index('user_activity_tenant_day_idx', ['tenantId', 'day'])
export class UserActivityEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'user_activity_pk' })
  userId: string;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'user_activity_pk' })
  day: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;
}
