import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';

export type OrgUnitKind = 'institution' | 'branch' | 'building' | 'wing';

@Entity('tenant')
export class TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'time_zone', type: 'text', default: 'Asia/Shanghai' })
  timeZone: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('org_unit')
@Index('org_unit_tenant_path_idx', ['tenantId', 'path'])
export class OrgUnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Relation<TenantEntity>;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<OrgUnitEntity>;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: OrgUnitKind;

  /** Business-time calendar (key in the calendars module); null = the nearest ancestor's, else the tenant default. */
  @Column({ name: 'calendar_key', type: 'text', nullable: true })
  calendarKey: string | null;

  /** Open 24×7 (e.g. a nursing floor): business time is plain time here and in the units below. */
  @Column({ name: 'always_open', type: 'boolean', default: false })
  alwaysOpen: boolean;

  /** Beds of this unit (capacity for occupancy); null = the sum of the units below that have one. */
  @Column({ name: 'bed_count', type: 'integer', nullable: true })
  bedCount: number | null;

  /** Materialised path of ids, `/<root>/<child>/…/<self>/`: "this unit and below" is a prefix match. */
  @Column({ type: 'text' })
  path: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
