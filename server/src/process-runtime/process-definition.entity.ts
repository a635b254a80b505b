import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One deployed version of one executable BPMN process: the XML as sent and the engine's compiled JSON. */
@Entity('process_definition')
@Index('process_definition_key_version_uq', ['tenantId', 'key', 'version'], { unique: true })
export class ProcessDefinitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  /** The BPMN process id. */
  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  xml: string;

  /** The engine's ProcessDefinition (plain JSON). */
  @Column({ type: 'jsonb' })
  definition: Record<string, unknown>;

  /** SHA-256 of the XML: deploying identical XML again returns the same version. */
  @Column({ type: 'text' })
  hash: string;

  @Column({ name: 'deployed_at', type: 'timestamptz' })
  deployedAt: Date;

  @Column({ name: 'deployed_by', type: 'uuid', nullable: true })
  deployedBy: string | null;
}
