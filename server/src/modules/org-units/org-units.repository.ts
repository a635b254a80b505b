import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
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

  /** The units on a unit's path, root first (the unit itself last). */
  async chain(manager: EntityManager, tenantId: string, unitId: string): Promise<OrgUnitEntity[]> {
    const unit = await this.findById(manager, tenantId, unitId);
    if (!unit) {
      return [];
    }
    const ids = unit.path.split('/').filter((id) => id !== '');
    const units = await manager.getRepository(OrgUnitEntity).findBy({ tenantId, id: In(ids) });
    return ids.flatMap((id) => units.filter((u) => u.id === id));
  }

  async updateBusinessTime(
    manager: EntityManager,
    id: string,
    change: Partial<Pick<OrgUnitEntity, 'calendarKey' | 'alwaysOpen'>>,
  ): Promise<void> {
    await manager.getRepository(OrgUnitEntity).update({ id }, change);
  }

  async updateCapacity(manager: EntityManager, id: string, bedCount: number | null): Promise<void> {
    await manager.getRepository(OrgUnitEntity).update({ id }, { bedCount });
  }

  /** Inserts and then sets the materialised path, which needs the new id. */
  async create(
    manager: EntityManager,
    unit: {
      tenantId: string;
      parent: OrgUnitEntity | null;
      name: string;
      kind: OrgUnitKind;
      calendarKey?: string | null;
      alwaysOpen?: boolean;
    },
  ): Promise<OrgUnitEntity> {
    const repository = manager.getRepository(OrgUnitEntity);
    const saved = await repository.save(
      repository.create({
        tenantId: unit.tenantId,
        parentId: unit.parent?.id ?? null,
        name: unit.name,
        kind: unit.kind,
        calendarKey: unit.calendarKey ?? null,
        alwaysOpen: unit.alwaysOpen ?? false,
        path: '',
      }),
    );
    saved.path = `${unit.parent?.path ?? '/'}${saved.id}/`;
    await repository.update({ id: saved.id }, { path: saved.path });
    return saved;
  }
}
