import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SharedCaches, type SharedCache } from '../../common/database/shared-cache.js';
import { createFieldIndexSql, FIELD_INDEX_PREFIX, type FieldIndex } from './field-indexes.util.js';
import { FormEntity, FormVersionEntity, type FormStatus } from './form.entity.js';

/** Every write of a `form` row goes through this repository and announces it on this topic. */
const FORMS_TOPIC = 'forms';
const FORM_CACHE_SIZE = 1000;

@Injectable()
export class FormsRepository {
  /** Form rows by tenant and key, for filling and listing records (the hot path): kept until any form changes. */
  private readonly byKey: SharedCache<FormEntity | null>;

  /** Published versions by `formId@version`: frozen once committed, so kept (LRU-bounded) forever. */
  private readonly frozen = new Map<string, FormVersionEntity>();

  constructor(private readonly caches: SharedCaches) {
    this.byKey = caches.create(FORMS_TOPIC, FORM_CACHE_SIZE);
  }

  list(manager: EntityManager, tenantId: string, status?: FormStatus): Promise<FormEntity[]> {
    return manager.getRepository(FormEntity).find({
      where: { tenantId, ...(status ? { status } : {}) },
      order: { key: 'ASC' },
    });
  }

  findById(manager: EntityManager, tenantId: string, id: string, lock = false): Promise<FormEntity | null> {
    return manager.getRepository(FormEntity).findOne({
      where: { tenantId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  findByKey(manager: EntityManager, tenantId: string, key: string): Promise<FormEntity | null> {
    return manager.getRepository(FormEntity).findOne({ where: { tenantId, key } });
  }

  /**
   * The same as `findByKey`, from memory until any process changes a form (see SharedCaches). Read-only:
   * callers must not modify the entity (use `findByKey` to change a form).
   */
  findByKeyCached(manager: EntityManager, tenantId: string, key: string): Promise<FormEntity | null> {
    return this.byKey.get(manager, `${tenantId}|${key}`, () => this.findByKey(manager, tenantId, key));
  }

  async insert(manager: EntityManager, form: Partial<FormEntity>): Promise<FormEntity> {
    await this.caches.changed(manager, FORMS_TOPIC);
    return manager.getRepository(FormEntity).save(manager.getRepository(FormEntity).create(form));
  }

  async save(manager: EntityManager, form: FormEntity): Promise<FormEntity> {
    await this.caches.changed(manager, FORMS_TOPIC);
    return manager.getRepository(FormEntity).save(form);
  }

  versions(manager: EntityManager, formId: string): Promise<FormVersionEntity[]> {
    return manager.getRepository(FormVersionEntity).find({ where: { formId }, order: { version: 'DESC' } });
  }

  version(manager: EntityManager, formId: string, version: number): Promise<FormVersionEntity | null> {
    return manager.getRepository(FormVersionEntity).findOne({ where: { formId, version } });
  }

  /**
   * A published version, from memory after the first read. Never remembered from a transaction that
   * writes forms itself: it might still roll back, and the same number be published again with another schema.
   */
  async frozenVersion(
    manager: EntityManager,
    formId: string,
    version: number,
  ): Promise<FormVersionEntity | null> {
    const key = `${formId}@${version}`;
    const cached = this.frozen.get(key);
    if (cached) {
      this.frozen.delete(key);
      this.frozen.set(key, cached);
      return cached;
    }
    const found = await this.version(manager, formId, version);
    if (found && this.caches.usable(manager, FORMS_TOPIC)) {
      if (this.frozen.size >= FORM_CACHE_SIZE) {
        const oldest = this.frozen.keys().next().value;
        if (oldest !== undefined) {
          this.frozen.delete(oldest);
        }
      }
      this.frozen.set(key, found);
    }
    return found;
  }

  insertVersion(manager: EntityManager, version: Partial<FormVersionEntity>): Promise<FormVersionEntity> {
    return manager
      .getRepository(FormVersionEntity)
      .save(manager.getRepository(FormVersionEntity).create(version));
  }

  /**
   * Makes the form's `x-indexed` expression indexes on `record` exactly `wanted` (in the publishing transaction:
   * the index exists once the version is committed; building it holds record writes back for as long as it takes).
   * Returns the names created and dropped.
   */
  async syncFieldIndexes(
    manager: EntityManager,
    formId: string,
    wanted: readonly FieldIndex[],
  ): Promise<{ created: string[]; dropped: string[] }> {
    const rows: { indexname: string }[] = await manager.query(
      `SELECT indexname FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename = 'record' AND starts_with(indexname, $1)
          AND indexdef LIKE '%' || $2 || '%'`,
      [FIELD_INDEX_PREFIX, `form_id = '${formId}'::uuid`],
    );
    const existing = new Set(rows.map((r) => r.indexname));
    const names = new Set(wanted.map((index) => index.name));
    const dropped = [...existing].filter((name) => !names.has(name) && /^record_x_[0-9a-f]{20}$/.test(name));
    for (const name of dropped) {
      await manager.query(`DROP INDEX IF EXISTS "${name}"`);
    }
    const created = wanted.filter((index) => !existing.has(index.name));
    for (const index of created) {
      await manager.query(createFieldIndexSql(formId, index));
    }
    return { created: created.map((index) => index.name), dropped };
  }
}
