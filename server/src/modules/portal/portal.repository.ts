import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { accessScope } from '../../common/auth/access-scope.util.js';
import type { Actor } from '../../common/auth/actor.types.js';
import { PortalNoticeEntity } from './portal-notice.entity.js';

export type NoticeRow = PortalNoticeEntity & { orgUnitName: string | null; residentName: string | null };
type RawColumns = { org_unit_name: string | null; resident_name: string | null };

/** Notices, newest first; the only code that queries `portal_notice`. */
@Injectable()
export class PortalRepository {
  private base(manager: EntityManager, tenantId: string): SelectQueryBuilder<PortalNoticeEntity> {
    return manager
      .getRepository(PortalNoticeEntity)
      .createQueryBuilder('n')
      .leftJoin('resident', 'res', 'res.id = n.resident_id')
      .addSelect('res.name', 'resident_name')
      .leftJoin('org_unit', 'nou', 'nou.id = n.org_unit_id')
      .addSelect('nou.name', 'org_unit_name')
      .where('n.tenant_id = :tenantId', { tenantId });
  }

  /**
   * Staff: whole-home notices, and notices for residents or org units in their scope (a personal
   * notice through its resident's unit, an org-unit notice through that unit).
   */
  private staffScoped(manager: EntityManager, actor: Actor): SelectQueryBuilder<PortalNoticeEntity> {
    const query = this.base(manager, actor.tenantId).leftJoin(
      'org_unit',
      'ou',
      'ou.id = COALESCE(res.org_unit_id, n.org_unit_id)',
    );
    const scope = accessScope(actor, { orgUnitPath: 'ou.path', residentId: 'n.resident_id' });
    return scope
      ? query.andWhere(`((n.resident_id IS NULL AND n.org_unit_id IS NULL) OR ${scope.sql})`, scope.params)
      : query;
  }

  /**
   * A family member: published notices for the whole home, for an org unit one of their linked
   * residents lives in (or below), or personally for one of their linked residents.
   */
  private familyScoped(manager: EntityManager, actor: Actor): SelectQueryBuilder<PortalNoticeEntity> {
    return this.base(manager, actor.tenantId)
      .andWhere('n.published_at IS NOT NULL')
      .andWhere(
        `EXISTS (SELECT 1 FROM family_link fl JOIN resident fr ON fr.id = fl.resident_id
                   JOIN org_unit fou ON fou.id = fr.org_unit_id
                  WHERE fl.user_id = :familyUserId AND fr.tenant_id = n.tenant_id
                    AND (n.resident_id = fr.id
                         OR (n.resident_id IS NULL
                             AND (n.org_unit_id IS NULL OR starts_with(fou.path, nou.path)))))`,
        { familyUserId: actor.userId },
      );
  }

  private static rows(raw: RawColumns[], entities: PortalNoticeEntity[]): NoticeRow[] {
    return entities.map((entity, i) =>
      Object.assign(entity, {
        orgUnitName: raw[i]?.org_unit_name ?? null,
        residentName: raw[i]?.resident_name ?? null,
      }),
    );
  }

  async page(
    manager: EntityManager,
    actor: Actor,
    view: 'family' | 'staff',
    paging: { page: number; pageSize: number },
  ): Promise<{ items: NoticeRow[]; total: number }> {
    const query = view === 'family' ? this.familyScoped(manager, actor) : this.staffScoped(manager, actor);
    const total = await query.getCount();
    const { raw, entities } = await query
      .orderBy('n.published_at', 'DESC', 'NULLS FIRST')
      .addOrderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .offset((paging.page - 1) * paging.pageSize)
      .limit(paging.pageSize)
      .getRawAndEntities<RawColumns>();
    return { items: PortalRepository.rows(raw, entities), total };
  }

  async findForStaff(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<NoticeRow | null> {
    const query = this.staffScoped(manager, actor).andWhere('n.id = :id', { id });
    if (lock) {
      query.setLock('pessimistic_write', undefined, ['n']);
    }
    const { raw, entities } = await query.getRawAndEntities<RawColumns>();
    return PortalRepository.rows(raw, entities)[0] ?? null;
  }

  /** The family members who read a published notice: the same rule as `familyScoped`, seen from the notice. */
  async familyReaders(manager: EntityManager, notice: PortalNoticeEntity): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT DISTINCT fl.user_id
         FROM family_link fl
         JOIN resident fr ON fr.id = fl.resident_id
         JOIN org_unit fou ON fou.id = fr.org_unit_id
         LEFT JOIN org_unit nou ON nou.id = $3
        WHERE fr.tenant_id = $1
          AND ($2::uuid IS NOT NULL AND fr.id = $2
               OR $2::uuid IS NULL AND ($3::uuid IS NULL OR starts_with(fou.path, nou.path)))
        ORDER BY fl.user_id`,
      [notice.tenantId, notice.residentId, notice.orgUnitId],
    );
    return rows.map((row) => row.user_id);
  }

  insert(manager: EntityManager, notice: Omit<PortalNoticeEntity, 'id'>): Promise<PortalNoticeEntity> {
    const repository = manager.getRepository(PortalNoticeEntity);
    return repository.save(repository.create(notice));
  }

  save(manager: EntityManager, notice: PortalNoticeEntity): Promise<PortalNoticeEntity> {
    return manager.getRepository(PortalNoticeEntity).save(notice);
  }
}
