import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A token waiting for a message (catch event, boundary event, event-based gateway branch). */
@Entity('message_subscription')
@Index('message_subscription_name_key_idx', ['tenantId', 'name', 'correlationKey'])
@Index('message_subscription_engine_uq', ['instanceId', 'engineSubscriptionId'], { unique: true })
export class MessageSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'instance_id', type: 'uuid' })
  instanceId: string;

  @Column({ name: 'engine_subscription_id', type: 'text' })
  engineSubscriptionId: string;

  @Column({ name: 'element_id', type: 'text' })
  elementId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'correlation_key', type: 'text', nullable: true })
  correlationKey: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
