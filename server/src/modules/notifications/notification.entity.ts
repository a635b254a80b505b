import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An in-app notification (process notify tasks, rule alerts), for one user or everyone with a role;
 * a role notification about a resident only for the holders whose unit covers the resident's.
 */
@Entity('notification')
@Index('notification_user_idx', ['tenantId', 'userId', 'createdAt'])
@Index('notification_role_idx', ['tenantId', 'role', 'createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  /** Addressed to one user (by id) … */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  /** … or to every holder of a role key. */
  @Column({ type: 'text', nullable: true })
  role: string | null;

  /**
   * For a role notification about a resident: the path of the resident's org unit when it was written.
   * Only holders of the role at that unit or above see it; null: every holder in the tenant.
   */
  @Column({ name: 'org_unit_path', type: 'text', nullable: true })
  orgUnitPath: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  body: string | null;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'instance_id', type: 'uuid', nullable: true })
  instanceId: string | null;

  /** Read marks per user (role notifications are read by each holder separately). */
  @Column({ name: 'read_by', type: 'uuid', array: true })
  readBy: string[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
