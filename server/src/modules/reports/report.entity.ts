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
import type { DashboardSpec, LocalizedText, ReportSpec } from '@careloom/contracts';

/** A report (dataset + chart); its specs live in versions, `currentVersion` is the one shown. */
@Entity('report')
@Index('report_tenant_key_uq', ['tenantId', 'key'], { unique: true })
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

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

/** One frozen version of a report's spec. */
@Entity('report_version')
@Index('report_version_report_version_uq', ['reportId', 'version'], { unique: true })
export class ReportVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @ManyToOne(() => ReportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: Relation<ReportEntity>;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  spec: ReportSpec;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A dashboard (a grid of reports with shared filters), versioned like reports. */
@Entity('dashboard')
@Index('dashboard_tenant_key_uq', ['tenantId', 'key'], { unique: true })
export class DashboardEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'jsonb' })
  title: LocalizedText;

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

@Entity('dashboard_version')
@Index('dashboard_version_dashboard_version_uq', ['dashboardId', 'version'], { unique: true })
export class DashboardVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'dashboard_id', type: 'uuid' })
  dashboardId: string;

  @ManyToOne(() => DashboardEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dashboard_id' })
  dashboard?: Relation<DashboardEntity>;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  spec: DashboardSpec;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
