import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { RuleEntity, RuleFiringEntity, RuleVersionEntity } from './rule.entity.js';

@Injectable()
export class RulesRepository {
  list(manager: EntityManager, tenantId: string): Promise<RuleEntity[]> {
    return manager.getRepository(RuleEntity).find({ where: { tenantId }, order: { key: 'ASC' } });
  }

  findById(manager: EntityManager, tenantId: string, id: string, lock = false): Promise<RuleEntity | null> {
    return manager.getRepository(RuleEntity).findOne({
      where: { tenantId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  findByKey(manager: EntityManager, tenantId: string, key: string): Promise<RuleEntity | null> {
    return manager.getRepository(RuleEntity).findOne({ where: { tenantId, key } });
  }

  /** Enabled rules an event of this type (and form) may wake. */
  enabledFor(
    manager: EntityManager,
    tenantId: string,
    triggerTypes: string[],
    formKey: string | null,
  ): Promise<RuleEntity[]> {
    const query = manager
      .getRepository(RuleEntity)
      .createQueryBuilder('rule')
      .where('rule.tenant_id = :tenantId AND rule.enabled AND rule.trigger_type IN (:...triggerTypes)', {
        tenantId,
        triggerTypes,
      });
    if (formKey !== null) {
      query.andWhere('rule.trigger_form_key = :formKey', { formKey });
    }
    return query.orderBy('rule.key').getMany();
  }

  insert(manager: EntityManager, rule: Partial<RuleEntity>): Promise<RuleEntity> {
    return manager.getRepository(RuleEntity).save(manager.getRepository(RuleEntity).create(rule));
  }

  save(manager: EntityManager, rule: RuleEntity): Promise<RuleEntity> {
    return manager.getRepository(RuleEntity).save(rule);
  }

  versions(manager: EntityManager, ruleId: string): Promise<RuleVersionEntity[]> {
    return manager.getRepository(RuleVersionEntity).find({ where: { ruleId }, order: { version: 'DESC' } });
  }

  version(manager: EntityManager, ruleId: string, version: number): Promise<RuleVersionEntity | null> {
    return manager.getRepository(RuleVersionEntity).findOne({ where: { ruleId, version } });
  }

  insertVersion(manager: EntityManager, version: Partial<RuleVersionEntity>): Promise<RuleVersionEntity> {
    return manager
      .getRepository(RuleVersionEntity)
      .save(manager.getRepository(RuleVersionEntity).create(version));
  }

  async insertFiring(manager: EntityManager, firing: Partial<RuleFiringEntity>): Promise<void> {
    await manager.getRepository(RuleFiringEntity).insert(firing as QueryDeepPartialEntity<RuleFiringEntity>);
  }

  firings(
    manager: EntityManager,
    tenantId: string,
    filter: { residentId?: string; ruleId?: string; limit: number },
  ): Promise<RuleFiringEntity[]> {
    return manager.getRepository(RuleFiringEntity).find({
      where: {
        tenantId,
        ...(filter.residentId ? { residentId: filter.residentId } : {}),
        ...(filter.ruleId ? { ruleId: filter.ruleId } : {}),
      },
      order: { at: 'DESC' },
      take: filter.limit,
    });
  }

  /*
   * Reads for scheduled rules, which run for no caller: plain SQL over the tables other modules own,
   * read-only, because those modules offer no tenant-wide (unscoped) reads of this shape.
   */

  /** The tenant's time zone (date-field reminders and schedules without their own zone). */
  async tenantTimeZone(manager: EntityManager, tenantId: string): Promise<string> {
    const rows: { time_zone: string }[] = await manager.query('SELECT time_zone FROM tenant WHERE id = $1', [
      tenantId,
    ]);
    return rows[0]?.time_zone ?? 'Asia/Shanghai';
  }

  /** Residents of the tenant in one of the statuses, in a stable order. */
  async residentIdsInStatus(manager: EntityManager, tenantId: string, statuses: string[]): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM resident WHERE tenant_id = $1 AND status = ANY($2::text[]) ORDER BY created_at, id',
      [tenantId, statuses],
    );
    return rows.map((r) => r.id);
  }

  /** A live record of the tenant with its form key. */
  async liveRecord(
    manager: EntityManager,
    tenantId: string,
    recordId: string,
  ): Promise<{
    id: string;
    residentId: string | null;
    formKey: string;
    data: Record<string, unknown>;
  } | null> {
    const rows: { id: string; resident_id: string | null; key: string; data: Record<string, unknown> }[] =
      await manager.query(
        `SELECT rec.id, rec.resident_id, f.key, rec.data FROM record rec JOIN form f ON f.id = rec.form_id
          WHERE rec.tenant_id = $1 AND rec.id = $2 AND rec.deleted_at IS NULL`,
        [tenantId, recordId],
      );
    const row = rows[0];
    return row ? { id: row.id, residentId: row.resident_id, formKey: row.key, data: row.data } : null;
  }

  /** Live records of a form that have a value in `field` (a date-field rule being switched on). */
  async recordsWithField(
    manager: EntityManager,
    tenantId: string,
    formKey: string,
    field: string,
  ): Promise<{ id: string; value: unknown }[]> {
    const rows: { id: string; value: unknown }[] = await manager.query(
      `SELECT rec.id, rec.data -> $3 AS value FROM record rec JOIN form f ON f.id = rec.form_id
        WHERE rec.tenant_id = $1 AND f.key = $2 AND rec.deleted_at IS NULL AND rec.data ? $3
        ORDER BY rec.created_at, rec.id`,
      [tenantId, formKey, field],
    );
    return rows;
  }
}
