import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { BundleManifest } from '@careloom/contracts';

/** The version of a bundle a tenant has installed (one row per bundle key; upgrades replace it). */
@Entity('bundle_installation')
@Index('bundle_installation_tenant_key_uq', ['tenantId', 'key'], { unique: true })
export class BundleInstallationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  version: string;

  @Column({ type: 'jsonb' })
  manifest: BundleManifest;

  /** Form keys it brought, so bundles that require it resolve their references. */
  @Column({ name: 'form_keys', type: 'text', array: true })
  formKeys: string[];

  @Column({ name: 'installed_by', type: 'uuid' })
  installedBy: string;

  @UpdateDateColumn({ name: 'installed_at', type: 'timestamptz' })
  installedAt: Date;
}
