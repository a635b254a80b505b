import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { ExplanationNode } from '@careloom/logic';
import type { LocalizedText, RuleDefinition } from './rule.types.js';

/** A trigger rule; its definitions live in versions, `currentVersion` is the one that runs. */
@Entity('rule')
@Index('rule_tenant_key_uq', ['tenantId', 'key'], { unique: true })
export class RuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'jsonb' })
  name: LocalizedText;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  /** The trigger type of the current version, so events find their rules with an index. */
  @Column({ name: 'trigger_type', type: 'text' })
  triggerType: string;

  /** The form of a record trigger (null for others). */
  @Column({ name: 'trigger_form_key', type: 'text', nullable: true })
  triggerFormKey: string | null;

  @Column({ name: 'current_version', type: 'integer' })
  currentVersion: number;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

@Entity('rule_version')
@Index('rule_version_rule_version_uq', ['ruleId', 'version'], { unique: true })
export class RuleVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'rule_id', type: 'uuid' })
  ruleId: string;

  @ManyToOne(() => RuleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'rule_id' })
  rule?: Relation<RuleEntity>;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  definition: RuleDefinition;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export type FiringStatus = 'matched' | 'failed' | 'depth-limit';
export type ActionOutcome = { type: string; ok: boolean; detail: string };

/** One time a rule's condition held (or failed to evaluate): what it saw, why, and what it did. */
@Entity('rule_firing')
@Index('rule_firing_resident_idx', ['residentId', 'at'])
@Index('rule_firing_rule_idx', ['ruleId', 'at'])
export class RuleFiringEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'rule_id', type: 'uuid' })
  ruleId: string;

  @ManyToOne(() => RuleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'rule_id' })
  rule?: Relation<RuleEntity>;

  @Column({ name: 'rule_version', type: 'integer' })
  ruleVersion: number;

  @Column({ type: 'text' })
  status: FiringStatus;

  @Column({ name: 'resident_id', type: 'uuid', nullable: true })
  residentId: string | null;

  @Column({ name: 'record_id', type: 'uuid', nullable: true })
  recordId: string | null;

  /** The event that triggered the evaluation. */
  @Column({ type: 'jsonb' })
  event: Record<string, unknown>;

  /** The data the condition saw (record, resident, context windows). */
  @Column({ type: 'jsonb' })
  context: Record<string, unknown>;

  @Column({ type: 'jsonb', nullable: true })
  explanation: ExplanationNode | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  actions: ActionOutcome[];

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'integer' })
  depth: number;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at: Date;
}
