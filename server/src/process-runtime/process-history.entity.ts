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

  /** entered | left | cancelled | taken, or an approval move (completed, transferred, sent-back …) */
  @Column({ type: 'text' })
  event: string;

  @Column({ name: 'token_id', type: 'text', nullable: true })
  tokenId: string | null;

  /** Approval moves and completions: who acted (user id and username), why, and what it concerned. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId?: string | null;

  @Column({ name: 'actor_name', type: 'text', nullable: true })
  actorName?: string | null;

  @Column({ type: 'text', nullable: true })
  reason?: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details?: Record<string, unknown> | null;
}
