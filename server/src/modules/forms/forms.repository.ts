import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SharedCaches, type SharedCache } from '../../common/database/shared-cache.js';
import { FIELD_INDEX_PREFIX } from './field-indexes.util.js';
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
   * The field indexes on `record` (all forms'), with the form each covers and whether it is VALID (an
   * INVALID one is a concurrent build that failed, or one still running).
   */
  fieldIndexes(manager: EntityManager): Promise<{ name: string; formId: string | null; valid: boolean }[]> {
    return manager.query(
      `SELECT c.relname AS name, i.indisvalid AS valid,
              substring(pg_get_expr(i.indpred, i.indrelid) FROM 'form_id = ''([0-9a-f-]{36})''::uuid') AS "formId"
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = 'record'::regclass AND starts_with(c.relname, $1)`,
      [FIELD_INDEX_PREFIX],
    );
  }

  /** The schema of the latest version of each form in `formIds`, or of every form whose latest version marks a field x-indexed. */
  latestSchemas(
    manager: EntityManager,
    formIds: readonly string[] | 'indexed',
  ): Promise<{ formId: string; schema: unknown }[]> {
    return manager.query(
      `SELECT f.id AS "formId", v.schema FROM form f JOIN form_version v ON v.form_id = f.id AND v.version = f.latest_version
        WHERE ${formIds === 'indexed' ? `strpos(v.schema::text, '"x-indexed"') > 0` : 'f.id = ANY($1::uuid[])'}`,
      formIds === 'indexed' ? [] : [formIds],
    );
  }

  /** Runs a field index's CONCURRENTLY statement (`manager` must be outside any transaction). */
  async changeFieldIndex(manager: EntityManager, sql: string): Promise<void> {
    await manager.query(sql);
  }

  /** A session lock held while one process changes field indexes (two syncs would drop each other's builds). */
  async lockFieldIndexes(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_lock(hashtextextended($1, 7))', ['careloom:field-indexes']);
  }

  async unlockFieldIndexes(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_unlock(hashtextextended($1, 7))', ['careloom:field-indexes']);
  }
}
