import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { SharedCaches, type SharedCache } from '../../common/database/shared-cache.js';
import { RuleEntity, RuleFiringEntity, RuleVersionEntity } from './rule.entity.js';

/** Every write of a `rule` row goes through this repository and announces it on this topic. */
const RULES_TOPIC = 'rules';
/** (tenant, trigger types, form) combinations remembered; each holds a handful of rules. */
const ENABLED_CACHE_SIZE = 2000;

type RuleRow = {
  id: string;
  tenant_id: string;
  key: string;
  name: RuleEntity['name'];
  enabled: boolean;
  trigger_type: string;
  trigger_form_key: string | null;
  current_version: number;
  updated_by: string;
  created_at: Date;
  updated_at: Date;
  version: number;
};

const ruleOf = (row: RuleRow): RuleEntity =>
  Object.assign(new RuleEntity(), {
    id: row.id,
    tenantId: row.tenant_id,
    key: row.key,
    name: row.name,
    enabled: row.enabled,
    triggerType: row.trigger_type,
    triggerFormKey: row.trigger_form_key,
    currentVersion: row.current_version,
    updatedBy: row.updated_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  });

@Injectable()
export class RulesRepository {
  /** Enabled rules by tenant, trigger types and form: read on every record save and task completion. */
  private readonly enabled: SharedCache<readonly RuleEntity[]>;

  constructor(private readonly caches: SharedCaches) {
    this.enabled = caches.create(RULES_TOPIC, ENABLED_CACHE_SIZE);
  }

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

  /**
   * Enabled rules an event of this type (and form) may wake, by key. Cached in memory until any process
   * changes a rule (see SharedCaches); callers must not modify the returned entities.
   */
  enabledFor(
    manager: EntityManager,
    tenantId: string,
    triggerTypes: string[],
    formKey: string | null,
  ): Promise<readonly RuleEntity[]> {
    return this.enabled.get(manager, `${tenantId}|${triggerTypes.join(',')}|${formKey ?? ''}`, async () => {
      const rows: RuleRow[] = await manager.query(
        `SELECT id, tenant_id, key, name, enabled, trigger_type, trigger_form_key, current_version, updated_by,
                created_at, updated_at, version
           FROM rule
          WHERE tenant_id = $1 AND enabled AND trigger_type = ANY($2::text[])
            AND ($3::text IS NULL OR trigger_form_key = $3)
          ORDER BY key`,
        [tenantId, triggerTypes, formKey],
      );
      return Object.freeze(rows.map(ruleOf));
    });
  }

  async insert(manager: EntityManager, rule: Partial<RuleEntity>): Promise<RuleEntity> {
    await this.caches.changed(manager, RULES_TOPIC);
    return manager.getRepository(RuleEntity).save(manager.getRepository(RuleEntity).create(rule));
  }

  async save(manager: EntityManager, rule: RuleEntity): Promise<RuleEntity> {
    await this.caches.changed(manager, RULES_TOPIC);
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
