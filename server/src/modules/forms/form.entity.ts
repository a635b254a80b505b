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

export type FormStatus = 'draft' | 'published' | 'retired';
export type LocalizedText = { 'zh-CN': string; en: string };

/** A form definition: its editable draft, and the number of its latest published version. */
@Entity('form')
@Index('form_tenant_key_uq', ['tenantId', 'key'], { unique: true })
export class FormEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  /** Stable name used by processes, rules and templates, e.g. `barthel-adl`. */
  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'jsonb' })
  name: LocalizedText;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text' })
  status: FormStatus;

  // `json`, not `jsonb`: a form keeps the order its author gave its fields (jsonb sorts keys).
  @Column({ name: 'draft_schema', type: 'json' })
  draftSchema: object;

  @Column({ name: 'draft_ui_schema', type: 'json', default: () => `'{}'` })
  draftUiSchema: object;

  /** True when the draft differs from the latest published version. */
  @Column({ name: 'draft_changed', type: 'boolean', default: true })
  draftChanged: boolean;

  @Column({ name: 'latest_version', type: 'integer', nullable: true })
  latestVersion: number | null;

  /**
   * Shared with family: family members see this form's records of their linked residents in the
   * family portal (sensitive fields still masked). A setting of the form, not of a version.
   */
  @Column({ name: 'family_visible', type: 'boolean', default: false })
  familyVisible: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

/** A published, frozen version of a form: records point at one and are always read with it. */
@Entity('form_version')
@Index('form_version_form_version_uq', ['formId', 'version'], { unique: true })
export class FormVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'form_id', type: 'uuid' })
  formId: string;

  @ManyToOne(() => FormEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'form_id' })
  form?: Relation<FormEntity>;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  name: LocalizedText;

  // `json` keeps the authored field order (see draftSchema).
  @Column({ type: 'json' })
  schema: object;

  @Column({ name: 'ui_schema', type: 'json' })
  uiSchema: object;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;

  @CreateDateColumn({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;
}
