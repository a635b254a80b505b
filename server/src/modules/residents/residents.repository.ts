import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { accessScope, escapeLike } from '../../common/auth/access-scope.util.js';
import type { Actor } from '../../common/auth/actor.types.js';
import type { EventResident } from '../../common/events/domain-events.js';
import { FamilyLinkEntity, ResidentEntity, type ResidentStatus } from './resident.entity.js';

export type ResidentFilter = {
  q?: string;
  status?: ResidentStatus;
  careLevel?: string;
  orgUnitId?: string;
  page: number;
  pageSize: number;
};

export type ResidentRow = ResidentEntity & { orgUnitName: string };
export type FamilyLinkRow = FamilyLinkEntity & { username: string; displayName: string };

@Injectable()
export class ResidentsRepository {
  /**
   * Record-level access, applied to every read: admins see the tenant; staff see residents of their
   * org units and below; family members see the residents they are linked to.
   */
  private scoped(manager: EntityManager, actor: Actor): SelectQueryBuilder<ResidentEntity> {
    const query = manager
      .getRepository(ResidentEntity)
      .createQueryBuilder('r')
      .innerJoin('org_unit', 'ou', 'ou.id = r.org_unit_id')
      .addSelect('ou.name', 'org_unit_name')
      .where('r.tenant_id = :tenantId', { tenantId: actor.tenantId });
    const scope = accessScope(actor, { orgUnitPath: 'ou.path', residentId: 'r.id' });
    return scope ? query.andWhere(scope.sql, scope.params) : query;
  }

  private static withOrgUnitName(
    raw: { org_unit_name: string }[],
    entities: ResidentEntity[],
  ): ResidentRow[] {
    return entities.map((entity, index) =>
      Object.assign(entity, { orgUnitName: raw[index]?.org_unit_name ?? '' }),
    );
  }

  async page(
    manager: EntityManager,
    actor: Actor,
    filter: ResidentFilter,
  ): Promise<{ items: ResidentRow[]; total: number }> {
    const query = this.scoped(manager, actor);
    if (filter.q) {
      query.andWhere(
        `(r.name ILIKE :q OR r.room ILIKE :q OR r.bed ILIKE :q OR concat(r.room, '-', r.bed) ILIKE :q)`,
        {
          q: `%${escapeLike(filter.q)}%`,
        },
      );
    }
    if (filter.status) {
      query.andWhere('r.status = :status', { status: filter.status });
    }
    if (filter.careLevel) {
      query.andWhere('r.care_level = :careLevel', { careLevel: filter.careLevel });
    }
    if (filter.orgUnitId) {
      query.andWhere(
        `ou.path LIKE (SELECT replace(replace(path, '%', '\\%'), '_', '\\_') || '%' FROM org_unit WHERE id = :unit)`,
        {
          unit: filter.orgUnitId,
        },
      );
    }
    const total = await query.getCount();
    const { raw, entities } = await query
      .orderBy('r.name', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .offset((filter.page - 1) * filter.pageSize)
      .limit(filter.pageSize)
      .getRawAndEntities<{ org_unit_name: string }>();
    return { items: ResidentsRepository.withOrgUnitName(raw, entities), total };
  }

  async findVisible(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<ResidentRow | null> {
    const query = this.scoped(manager, actor).andWhere('r.id = :id', { id });
    if (lock) {
      query.setLock('pessimistic_write', undefined, ['r']);
    }
    const { raw, entities } = await query.getRawAndEntities<{ org_unit_name: string }>();
    return ResidentsRepository.withOrgUnitName(raw, entities)[0] ?? null;
  }

  /**
   * findVisible's resident (same tenant and record-level access) as a record writer and its rules need it:
   * one parameterised statement, only those columns.
   */
  async findVisibleSummary(manager: EntityManager, actor: Actor, id: string): Promise<EventResident | null> {
    const scope = accessScope(actor, { orgUnitPath: 'ou.path', residentId: 'r.id' });
    const [sql, values] = manager.connection.driver.escapeQueryWithParameters(
      `SELECT r.id, r.name, r.gender, to_char(r.birth_date, 'YYYY-MM-DD') AS "birthDate", r.status,
              r.care_level AS "careLevel", r.room, r.bed, r.org_unit_id AS "orgUnitId", r.admitted_at AS "admittedAt"
         FROM resident r
         JOIN org_unit ou ON ou.id = r.org_unit_id
        WHERE r.tenant_id = :tenantId AND r.id = :id${scope ? ` AND ${scope.sql}` : ''}`,
      { tenantId: actor.tenantId, id, ...scope?.params },
    );
    const rows: EventResident[] = await manager.query(sql, values);
    return rows[0] ?? null;
  }

  /** The residents the actor is linked to as family, by name, with the relationship. */
  async linkedTo(manager: EntityManager, actor: Actor): Promise<(ResidentRow & { relationship: string })[]> {
    const { raw, entities } = await manager
      .getRepository(ResidentEntity)
      .createQueryBuilder('r')
      .innerJoin('org_unit', 'ou', 'ou.id = r.org_unit_id')
      .addSelect('ou.name', 'org_unit_name')
      .innerJoin('family_link', 'fl', 'fl.resident_id = r.id AND fl.user_id = :userId', {
        userId: actor.userId,
      })
      .addSelect('fl.relationship', 'relationship')
      .where('r.tenant_id = :tenantId', { tenantId: actor.tenantId })
      .orderBy('r.name', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getRawAndEntities<{ org_unit_name: string; relationship: string }>();
    return ResidentsRepository.withOrgUnitName(raw, entities).map((row, i) =>
      Object.assign(row, { relationship: raw[i]?.relationship ?? '' }),
    );
  }

  /** A resident of the tenant without any caller's scope: for system work such as rules. */
  async findInTenant(manager: EntityManager, tenantId: string, id: string): Promise<ResidentRow | null> {
    const { raw, entities } = await manager
      .getRepository(ResidentEntity)
      .createQueryBuilder('r')
      .innerJoin('org_unit', 'ou', 'ou.id = r.org_unit_id')
      .addSelect('ou.name', 'org_unit_name')
      .where('r.tenant_id = :tenantId AND r.id = :id', { tenantId, id })
      .getRawAndEntities<{ org_unit_name: string }>();
    return ResidentsRepository.withOrgUnitName(raw, entities)[0] ?? null;
  }

  insert(manager: EntityManager, resident: Partial<ResidentEntity>): Promise<ResidentEntity> {
    return manager.getRepository(ResidentEntity).save(manager.create(ResidentEntity, resident));
  }

  save(manager: EntityManager, resident: ResidentEntity): Promise<ResidentEntity> {
    return manager.getRepository(ResidentEntity).save(resident);
  }

  familyLinks(manager: EntityManager, residentId: string): Promise<FamilyLinkRow[]> {
    return manager.query(
      `SELECT fl.id, fl.tenant_id AS "tenantId", fl.resident_id AS "residentId", fl.user_id AS "userId",
              fl.relationship, fl.created_at AS "createdAt", u.username, u.display_name AS "displayName"
         FROM family_link fl JOIN app_user u ON u.id = fl.user_id
        WHERE fl.resident_id = $1 ORDER BY fl.created_at`,
      [residentId],
    );
  }

  async hasFamilyLink(manager: EntityManager, residentId: string, userId: string): Promise<boolean> {
    return (await manager.getRepository(FamilyLinkEntity).countBy({ residentId, userId })) > 0;
  }

  insertFamilyLink(
    manager: EntityManager,
    link: Omit<FamilyLinkEntity, 'id' | 'createdAt'>,
  ): Promise<FamilyLinkEntity> {
    return manager.getRepository(FamilyLinkEntity).save(manager.create(FamilyLinkEntity, link));
  }
}
