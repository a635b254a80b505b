import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BundleInstallationEntity } from './bundle-installation.entity.js';

@Injectable()
export class BundlesRepository {
  list(manager: EntityManager, tenantId: string): Promise<BundleInstallationEntity[]> {
    return manager
      .getRepository(BundleInstallationEntity)
      .find({ where: { tenantId }, order: { key: 'ASC' } });
  }

  /** Installs or replaces the tenant's row for this bundle key (locked by the unique index). */
  async upsert(
    manager: EntityManager,
    row: Omit<BundleInstallationEntity, 'id' | 'installedAt'>,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(BundleInstallationEntity)
      .values(row)
      .orUpdate(['version', 'manifest', 'form_keys', 'installed_by', 'installed_at'], ['tenant_id', 'key'])
      .execute();
  }
}
