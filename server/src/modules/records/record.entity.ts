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
} from 'typeorm';
import { FormEntity } from '../forms/form.entity.js';
import { ResidentEntity } from '../residents/resident.entity.js';

/** One filled form. `data` is stored as it was validated and computed, never merged into objects. */
@Entity('record')
@Index('record_form_created_id_idx', ['tenantId', 'formId', 'createdAt', 'id'], {
  where: '"deleted_at" IS NULL',
})
@Index('record_resident_created_id_idx', ['residentId', 'createdAt', 'id'], { where: '"deleted_at" IS NULL' })
@Index('record_resident_form_created_id_idx', ['residentId', 'formId', 'createdAt', 'id'], {
  where: '"deleted_at" IS NULL',
})
export class RecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'form_id', type: 'uuid' })
  formId: string;

  @ManyToOne(() => FormEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'form_id' })
  form?: Relation<FormEntity>;

  @Column({ name: 'form_version', type: 'integer' })
  formVersion: number;

  @Column({ name: 'resident_id', type: 'uuid', nullable: true })
  residentId: string | null;

  @ManyToOne(() => ResidentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resident_id' })
  resident?: Relation<ResidentEntity>;

  /** Where the record belongs for access when it has no resident (the writer's unit). */
  @Column({ name: 'org_unit_id', type: 'uuid' })
  orgUnitId: string;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  /** Scored-scale results by field pointer (total, subtotals, level, edition). */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  scores: Record<string, unknown>;

  /** 1 on creation, +1 per change; also the optimistic-lock token clients send back. */
  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}

export type RevisionAction = 'created' | 'updated' | 'deleted';
export type JsonPatchOperation =
  { op: 'add' | 'replace'; path: string; value: unknown } | { op: 'remove'; path: string };

/** Every change of a record: who, when, the JSON Patch from the previous revision, and the full data. */
@Entity('record_revision')
@Index('record_revision_record_uq', ['recordId', 'revision'], { unique: true })
export class RecordRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'record_id', type: 'uuid' })
  recordId: string;

  @ManyToOne(() => RecordEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'record_id' })
  record?: Relation<RecordEntity>;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'text' })
  action: RevisionAction;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;

  @Column({ name: 'actor_name', type: 'text' })
  actorName: string;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at: Date;

  /** Null for a first revision written since 2026-11-29: every field of `data` added (RecordsRepository reads it so). */
  @Column({ type: 'jsonb', nullable: true })
  diff: JsonPatchOperation[] | null;

  /**
   * Null for a first revision while the record is unchanged since it was created (written since 2026-11-29): the
   * record's own data; its first change writes the data here (RecordsRepository.insertRevision).
   */
  @Column({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;
}

/** A revision as read: its diff and data always there. */
export type ReadRevision = RecordRevisionEntity & {
  diff: JsonPatchOperation[];
  data: Record<string, unknown>;
};
