import type { CalendarYear, WorkingPeriod } from '../../process-runtime/business-time.util.js';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export type CalendarName = { 'zh-CN': string; en: string };

/**
 * A business-time calendar of a tenant: working weekdays and hours in a time zone, and per year the
 * statutory holidays and make-up workdays (调休) with where they came from. Org units name one by key;
 * units without one use the tenant's default.
 */
@Entity('calendar')
@Index('calendar_tenant_key_uq', ['tenantId', 'key'], { unique: true })
@Index('calendar_tenant_default_uq', ['tenantId'], { unique: true, where: '"is_default"' })
export class CalendarEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'jsonb' })
  name: CalendarName;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  /** The tenant's calendar for units that name none (exactly one per tenant). */
  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault: boolean;

  /** ISO weekdays worked (1 = Monday … 7 = Sunday). */
  @Column({ type: 'jsonb' })
  weekdays: number[];

  /** Working periods of a working day, in order. */
  @Column({ type: 'jsonb' })
  hours: WorkingPeriod[];

  /** By year ('2026'): holidays, make-up workdays, provisional flag and source note. */
  @Column({ type: 'jsonb' })
  years: Record<string, CalendarYear>;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
