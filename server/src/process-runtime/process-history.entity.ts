import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: what each token did, from the engine's history effects. */
@Entity('process_history')
@Index('process_history_instance_idx', ['instanceId', 'id'])
export class ProcessHistoryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'instance_id', type: 'uuid' })
  instanceId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'element_id', type: 'text' })
  elementId: string;

  @Column({ name: 'element_type', type: 'text' })
  elementType: string;

  /** entered | left | cancelled | taken */
  @Column({ type: 'text' })
  event: string;

  @Column({ name: 'token_id', type: 'text', nullable: true })
  tokenId: string | null;
}
