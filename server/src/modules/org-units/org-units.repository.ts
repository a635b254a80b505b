import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrgUnitEntity, TenantEntity, type OrgUnitKind } from './org-unit.entity.js';

@Injectable()
export class OrgUnitsRepository {
  countTenants(manager: EntityManager): Promise<number> {
    return manager.getRepository(TenantEntity).count();
  }

  createTenant(manager: EntityManager, name: string, timeZone: string): Promise<TenantEntity> {
    return manager.getRepository(TenantEntity).save(manager.create(TenantEntity, { name, timeZone }));
  }

  findTenant(manager: EntityManager, tenantId: string): Promise<TenantEntity | null> {
    return manager.getRepository(TenantEntity).findOneBy({ id: tenantId });
  }

  listByTenant(manager: EntityManager, tenantId: string): Promise<OrgUnitEntity[]> {
    return manager.getRepository(OrgUnitEntity).find({ where: { tenantId }, order: { path: 'ASC' } });
  }

  findById(manager: EntityManager, tenantId: string, id: string): Promise<OrgUnitEntity | null> {
    return manager.getRepository(OrgUnitEntity).findOneBy({ tenantId, id });
  }

  /** Inserts and then sets the materialised path, which needs the new id. */
  async create(
    manager: EntityManager,
    unit: { tenantId: string; parent: OrgUnitEntity | null; name: string; kind: OrgUnitKind },
  ): Promise<OrgUnitEntity> {
    const repository = manager.getRepository(OrgUnitEntity);
    const saved = await repository.save(
      repository.create({
        tenantId: unit.tenantId,
        parentId: unit.parent?.id ?? null,
        name: unit.name,
        kind: unit.kind,
        path: '',
      }),
    );
    saved.path = `${unit.parent?.path ?? '/'}${saved.id}/`;
    await repository.update({ id: saved.id }, { path: saved.path });
    return saved;
  }
}
