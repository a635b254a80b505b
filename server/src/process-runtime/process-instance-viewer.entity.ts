import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Someone an instance was copied to (抄送): a user or every holder of a role may read it. */
@Entity('process_instance_viewer')
@Index('process_instance_viewer_instance_idx', ['instanceId'])
export class ProcessInstanceViewerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'instance_id', type: 'uuid' })
  instanceId: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  /** Role key. */
  @Column({ type: 'text', nullable: true })
  role: string | null;

  @Column({ name: 'added_by', type: 'uuid' })
  addedBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
