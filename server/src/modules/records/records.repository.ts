import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { accessScope } from '../../common/auth/access-scope.util.js';
import type { Actor } from '../../common/auth/actor.types.js';
import type { EventResident } from '../../common/events/domain-events.js';
import { queryPrepared } from '../../common/database/prepared-query.js';
import { TimeAtSend } from '../../common/database/time-at-send.js';
import { diffJson } from './json-patch.util.js';
import { RecordEntity, RecordRevisionEntity, type ReadRevision } from './record.entity.js';

export type RecordRow = RecordEntity & {
  formKey: string;
  residentName: string | null;
  createdByName: string | null;
};

export type RecordSort =
  | { kind: 'column'; column: 'created_at' | 'updated_at'; descending: boolean }
  /**
   * `expression`: the field's SQL over `rec.data` with its path as a literal (an x-indexed field's index matches it);
   * `indexed`: the field is x-indexed, so an index `(expression DESC NULLS LAST, id DESC)` of the form exists (or is
   * being built).
   */
  | {
      kind: 'field';
      path: string[];
      cast: string;
      descending: boolean;
      expression?: string;
      indexed?: boolean;
    };

/** Where the previous page ended (keyset paging): its last row's sort value as text (null: a missing field) and id. */
export type RecordCursor = { value: string | null; id: string };

export type RecordFilter = {
  formId?: string;
  residentId?: string;
  from?: string;
  to?: string;
  /** Only records of forms shared with family (the family portal's feed). */
  familyShared?: boolean;
  /** Compiled JSON Logic over `rec.data`, with positional ($1…) parameters. */
  where?: { sql: string; params: unknown[] };
  sort: RecordSort;
  page: number;
  pageSize: number;
  /** Keyset paging: the rows after this one in the sort order (`page` is then ignored). */
  after?: RecordCursor;
  /** false: skip the (capped) count; `total` is then -1. */
  count?: boolean;
};

type RawColumns = { form_key: string; resident_name: string | null; created_by_name: string | null };
type PageColumns = RawColumns & { cursor_value: string | null };

/** A record as rules' context windows see it. */
export type RecentRecord = { id: string; createdAt: Date; data: Record<string, unknown> };
/**
 * A context window: the resident's live records of a form since a time, newest first, at most `limit`; with `keys`,
 * each record's data holds only those keys (the ones its reader can read; absent ones stay absent).
 */
export type RecentWindow = { formKey: string; since: Date; limit: number; keys?: readonly string[] | null };

/**
 * A revision with its data and diff: a first revision stored without data holds the record's (`current`: the
 * record is unchanged since), one stored without a diff added every field of its data.
 */
const withDiff = (row: RecordRevisionEntity, current: Record<string, unknown>): ReadRevision => {
  const data = row.data ?? current;
  return Object.assign(row, { data, diff: row.diff ?? diffJson({}, data) });
};

/**
 * The id of the tenant's form with a key (unique per tenant), as a scalar subquery: a context window names its form by
 * key, and with the id as a value its records are one range of record_resident_form_created_id_idx (resident, form,
 * time, newest first). Joined to `form` instead, PostgreSQL chose an index by its estimates: the resident's records
 * of every form, or the form's records of every resident in the window, filtered and sorted.
 */
const FORM_OF_KEY = (tenantId: string, key: string): string =>
  `SELECT f.id FROM form f WHERE f.tenant_id = ${tenantId} AND f.key = ${key}`;

/** Lists count matches up to this many; beyond it `totalCapped` says so. */
export const COUNT_CAP = 1000;

const CASTS = new Set(['text', 'numeric', 'boolean', 'date', 'timestamptz']);

@Injectable()
export class RecordsRepository {
  /** Live records the actor may see: through the resident when there is one, else the record's unit. */
  private scoped(manager: EntityManager, actor: Actor): SelectQueryBuilder<RecordEntity> {
    const query = manager
      .getRepository(RecordEntity)
      .createQueryBuilder('rec')
      .innerJoin('form', 'f', 'f.id = rec.form_id')
      .addSelect('f.key', 'form_key')
      .leftJoin('resident', 'res', 'res.id = rec.resident_id')
      .addSelect('res.name', 'resident_name')
      .leftJoin('app_user', 'author', 'author.id = rec.created_by')
      .addSelect('author.display_name', 'created_by_name')
      .innerJoin('org_unit', 'ou', 'ou.id = COALESCE(res.org_unit_id, rec.org_unit_id)')
      .where('rec.tenant_id = :tenantId', { tenantId: actor.tenantId })
      .andWhere('rec.deleted_at IS NULL');
    // Family members see only records of forms the home shares with families.
    const scope = accessScope(actor, {
      orgUnitPath: 'ou.path',
      residentId: 'rec.resident_id',
      familyShared: 'f.family_visible',
    });
    return scope ? query.andWhere(scope.sql, scope.params) : query;
  }

  private static rows(raw: RawColumns[], entities: RecordEntity[]): RecordRow[] {
    return entities.map((entity, i) =>
      Object.assign(entity, {
        formKey: raw[i]?.form_key ?? '',
        residentName: raw[i]?.resident_name ?? null,
        createdByName: raw[i]?.created_by_name ?? null,
      }),
    );
  }

  async findVisible(
    manager: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<RecordRow | null> {
    const query = this.scoped(manager, actor).andWhere('rec.id = :id', { id });
    if (lock) {
      query.setLock('pessimistic_write', undefined, ['rec']);
    }
    const { raw, entities } = await query.getRawAndEntities<RawColumns>();
    return RecordsRepository.rows(raw, entities)[0] ?? null;
  }

  async page(
    manager: EntityManager,
    actor: Actor,
    filter: RecordFilter,
  ): Promise<{ items: RecordRow[]; total: number; totalCapped: boolean; next: RecordCursor | null }> {
    const query = this.scoped(manager, actor);
    if (filter.formId) {
      query.andWhere('rec.form_id = :formId', { formId: filter.formId });
    }
    if (filter.residentId) {
      query.andWhere('rec.resident_id = :residentId', { residentId: filter.residentId });
    }
    if (filter.from) {
      query.andWhere('rec.created_at >= :from', { from: filter.from });
    }
    if (filter.to) {
      query.andWhere('rec.created_at < :to', { to: filter.to });
    }
    if (filter.familyShared) {
      query.andWhere('f.family_visible');
    }
    if (filter.where) {
      // Positional parameters of the compiled filter become named ones of this query.
      const params = Object.fromEntries(filter.where.params.map((value, i) => [`lf${i + 1}`, value]));
      query.andWhere(`(${filter.where.sql.replace(/\$(\d+)/g, ':lf$1')})`, params);
    }
    // Counting a million matches costs more than the page itself: count up to a cap, say when capped.
    let total = -1;
    let capped = false;
    if (filter.count !== false) {
      const counting = query.clone().select('rec.id').orderBy();
      const { sort } = filter;
      if (sort.kind === 'field' && sort.indexed && sort.expression) {
        // Any 1,001 matches give the same count: take them along the field's index. PostgreSQL keeps no
        // statistics for partial expression indexes, guesses that a third of the rows match a range and would
        // rather scan the table evaluating the filter on every row (17,000 rows for 1,001 matches of 6 %).
        counting.orderBy(sort.expression, 'DESC', 'NULLS LAST').addOrderBy('rec.id', 'DESC');
      }
      const [countSql, countParams] = counting.limit(COUNT_CAP + 1).getQueryAndParameters();
      const counted: { n: number }[] = await manager.query(
        `SELECT count(*)::int AS n FROM (${countSql}) capped`,
        countParams,
      );
      total = Math.min(counted[0]?.n ?? 0, COUNT_CAP);
      capped = (counted[0]?.n ?? 0) > COUNT_CAP;
    }
    if (filter.sort.kind === 'field' && filter.sort.indexed && filter.sort.expression) {
      const { expression, cast, descending } = filter.sort;
      const page = await this.indexedFieldPage(manager, query, { expression, cast, descending }, filter);
      return { ...page, total, totalCapped: capped };
    }
    const direction = filter.sort.descending ? 'DESC' : 'ASC';
    const comparison = filter.sort.descending ? '<' : '>';
    let sortValue: string;
    if (filter.sort.kind === 'column') {
      sortValue = `rec.${filter.sort.column}`;
      query.orderBy(sortValue, direction);
      if (filter.after) {
        if (filter.after.value === null) {
          throw new Error('a column cursor always has a value');
        }
        // Row comparison on (time, id), plus the time alone so the (tenant, form, created_at) index bounds the scan.
        query.andWhere(
          `${sortValue} ${comparison}= :afterValue::timestamptz AND (${sortValue}, rec.id) ${comparison} (:afterValue::timestamptz, :afterId::uuid)`,
          { afterValue: filter.after.value, afterId: filter.after.id },
        );
      }
    } else {
      if (!CASTS.has(filter.sort.cast)) {
        throw new Error(`unsupported sort cast ${filter.sort.cast}`);
      }
      sortValue =
        filter.sort.expression ??
        (filter.sort.cast === 'text'
          ? '(rec.data #>> :sortPath)'
          : `(rec.data #>> :sortPath)::${filter.sort.cast}`);
      if (!filter.sort.expression) {
        query.setParameter('sortPath', filter.sort.path);
      }
      query.orderBy(sortValue, direction, 'NULLS LAST');
      if (filter.after) {
        // NULLS LAST in both directions: after a value come the further values, its ties by id, then every null.
        query.andWhere(
          filter.after.value === null
            ? `(${sortValue} IS NULL AND rec.id ${comparison} :afterId::uuid)`
            : `(${sortValue} ${comparison} CAST(:afterValue AS ${filter.sort.cast}) OR (${sortValue} = CAST(:afterValue AS ${filter.sort.cast}) AND rec.id ${comparison} :afterId::uuid) OR ${sortValue} IS NULL)`,
          { afterValue: filter.after.value, afterId: filter.after.id },
        );
      }
    }
    query
      .addSelect(`(${sortValue})::text`, 'cursor_value')
      .addOrderBy('rec.id', direction)
      .offset(filter.after ? 0 : (filter.page - 1) * filter.pageSize)
      .limit(filter.pageSize);
    const { raw, entities } = await query.getRawAndEntities<PageColumns>();
    const items = RecordsRepository.rows(raw, entities);
    const last = items.length === filter.pageSize ? items.length - 1 : -1;
    const next: RecordCursor | null =
      last >= 0 ? { value: raw[last]?.cursor_value ?? null, id: items[last]?.id ?? '' } : null;
    return { items, total, totalCapped: capped, next };
  }

  /**
   * A page sorted by an x-indexed field, read from its index `(field DESC NULLS LAST, id DESC)`: forwards for a
   * descending sort, backwards (`field ASC NULLS FIRST, id ASC`) for an ascending one. Both sorts put missing
   * values last, which a backward read does not, so the page is read in two parts — the records with a value,
   * then, when the page is not full yet, those without — each a plain range of the index that starts at the
   * cursor: a page costs the same in both directions and at any depth. Without the index (still being built)
   * the same rows come back, only slower.
   */
  private async indexedFieldPage(
    manager: EntityManager,
    query: SelectQueryBuilder<RecordEntity>,
    sort: { expression: string; cast: string; descending: boolean },
    filter: RecordFilter,
  ): Promise<{ items: RecordRow[]; next: RecordCursor | null }> {
    if (!CASTS.has(sort.cast)) {
      throw new Error(`unsupported sort cast ${sort.cast}`);
    }
    const { expression, cast } = sort;
    const direction = sort.descending ? 'DESC' : 'ASC';
    const comparison = sort.descending ? '<' : '>';
    const after = filter.after;
    const part = (withValue: boolean, offset: number, limit: number) => {
      const rows = query
        .clone()
        .andWhere(`${expression} IS ${withValue ? 'NOT ' : ''}NULL`)
        .addSelect(`(${expression})::text`, 'cursor_value')
        // The index's own order read in this direction; within one part the same as the list's NULLS LAST.
        .orderBy(expression, direction, sort.descending ? 'NULLS LAST' : 'NULLS FIRST')
        .addOrderBy('rec.id', direction)
        .offset(offset)
        .limit(limit);
      if (after && withValue && after.value !== null) {
        // The value alone bounds the index range; the row comparison skips its ties up to the cursor's id.
        rows.andWhere(
          `${expression} ${comparison}= CAST(:afterValue AS ${cast}) AND (${expression}, rec.id) ${comparison} (CAST(:afterValue AS ${cast}), :afterId::uuid)`,
          { afterValue: after.value, afterId: after.id },
        );
      } else if (after && !withValue && after.value === null) {
        rows.andWhere(`rec.id ${comparison} :afterId::uuid`, { afterId: after.id });
      }
      return rows.getRawAndEntities<PageColumns>();
    };
    const raw: PageColumns[] = [];
    const items: RecordRow[] = [];
    let offset = after ? 0 : (filter.page - 1) * filter.pageSize;
    if (!after || after.value !== null) {
      const withValue = await part(true, offset, filter.pageSize);
      raw.push(...withValue.raw);
      items.push(...RecordsRepository.rows(withValue.raw, withValue.entities));
      if (items.length === 0 && offset > 0) {
        // Paged by number past every record with a value: skip as many without one as the offset has left.
        const [countSql, countParams] = query
          .clone()
          .select('rec.id')
          .orderBy()
          .andWhere(`${expression} IS NOT NULL`)
          .getQueryAndParameters();
        const counted: { n: number }[] = await manager.query(
          `SELECT count(*)::int AS n FROM (${countSql}) valued`,
          countParams,
        );
        offset = Math.max(0, offset - (counted[0]?.n ?? 0));
      } else {
        offset = 0;
      }
    }
    if (items.length < filter.pageSize) {
      const missing = await part(false, offset, filter.pageSize - items.length);
      raw.push(...missing.raw);
      items.push(...RecordsRepository.rows(missing.raw, missing.entities));
    }
    const last = items.length === filter.pageSize ? items.length - 1 : -1;
    return {
      items,
      next: last >= 0 ? { value: raw[last]?.cursor_value ?? null, id: items[last]?.id ?? '' } : null,
    };
  }

  /** A live record of the tenant without any caller's scope (system work such as rules). */
  async findInTenant(
    manager: EntityManager,
    tenantId: string,
    id: string,
    lock = false,
  ): Promise<RecordRow | null> {
    const query = manager
      .getRepository(RecordEntity)
      .createQueryBuilder('rec')
      .innerJoin('form', 'f', 'f.id = rec.form_id')
      .addSelect('f.key', 'form_key')
      .leftJoin('resident', 'res', 'res.id = rec.resident_id')
      .addSelect('res.name', 'resident_name')
      .leftJoin('app_user', 'author', 'author.id = rec.created_by')
      .addSelect('author.display_name', 'created_by_name')
      .where('rec.tenant_id = :tenantId AND rec.id = :id AND rec.deleted_at IS NULL', { tenantId, id });
    if (lock) {
      query.setLock('pessimistic_write', undefined, ['rec']);
    }
    const { raw, entities } = await query.getRawAndEntities<RawColumns>();
    return RecordsRepository.rows(raw, entities)[0] ?? null;
  }

  async recentForResident(
    manager: EntityManager,
    tenantId: string,
    residentId: string,
    formKey: string,
    since: Date,
    limit: number,
  ): Promise<RecentRecord[]> {
    const rows = await queryPrepared<{ id: string; created_at: Date; data: Record<string, unknown> }>(
      manager,
      `SELECT rec.id, rec.created_at, rec.data FROM record rec
        WHERE rec.resident_id = $2 AND rec.form_id = (${FORM_OF_KEY('$1', '$3')}) AND rec.deleted_at IS NULL
          AND rec.created_at >= $4 AND rec.tenant_id = $1
        ORDER BY rec.created_at DESC, rec.id DESC LIMIT $5`,
      [tenantId, residentId, formKey, since, limit],
    );
    return rows.map((r) => ({ id: r.id, createdAt: r.created_at, data: r.data }));
  }

  /**
   * A resident of the tenant as rules see it (no caller's scope) and, in the same statement, its live records of
   * each window's form since the window's start, newest first (as recentForResident; only the window's `keys` of
   * their data when it names them): one round trip for what a submission's rules read before it is written. `resident` is null when the tenant has no such resident.
   * A named prepared statement, like the insert: planning either took longer than running it (0.2 ms each).
   */
  async residentWithRecent(
    manager: EntityManager,
    tenantId: string,
    residentId: string,
    windows: RecentWindow[],
  ): Promise<{ resident: EventResident | null; recent: RecentRecord[][] }> {
    const values: unknown[] = [tenantId, residentId];
    const param = (value: unknown): string => `$${values.push(value)}`;
    const data = (keys: readonly string[] | null | undefined): string =>
      keys === null || keys === undefined
        ? 'rec.data'
        : `COALESCE((SELECT jsonb_object_agg(k, rec.data -> k) FROM unnest(CAST(${param(keys)} AS text[])) k
                      WHERE rec.data ? k), '{}'::jsonb)`;
    const parts = windows.map(
      (window, i) =>
        `(SELECT ${i} AS "window", rec.id, rec.created_at, ${data(window.keys)} AS data FROM record rec
           WHERE rec.resident_id = r.id AND rec.form_id = (${FORM_OF_KEY('$1', param(window.formKey))})
             AND rec.deleted_at IS NULL AND rec.created_at >= ${param(window.since)} AND rec.tenant_id = $1
           ORDER BY rec.created_at DESC, rec.id DESC LIMIT ${param(window.limit)})`,
    );
    const recent =
      parts.length === 0
        ? 'SELECT CAST(NULL AS int) AS "window", CAST(NULL AS uuid) AS id, CAST(NULL AS timestamptz) AS created_at, CAST(NULL AS jsonb) AS data'
        : parts.join(' UNION ALL ');
    const rows = await queryPrepared<
      EventResident & {
        window: number | null;
        recordId: string | null;
        recordCreatedAt: Date | null;
        recordData: Record<string, unknown> | null;
      }
    >(
      manager,
      `SELECT r.id, r.name, r.gender, to_char(r.birth_date, 'YYYY-MM-DD') AS "birthDate", r.status,
              r.care_level AS "careLevel", r.room, r.bed, r.org_unit_id AS "orgUnitId", r.admitted_at AS "admittedAt",
              w."window", w.id AS "recordId", w.created_at AS "recordCreatedAt", w.data AS "recordData"
         FROM resident r
         LEFT JOIN LATERAL (${recent}) w ON true
        WHERE r.tenant_id = $1 AND r.id = $2
        ORDER BY w."window", w.created_at DESC, w.id DESC`,
      values,
    );
    const first = rows[0];
    const lists: RecentRecord[][] = windows.map(() => []);
    if (!first) {
      return { resident: null, recent: lists };
    }
    for (const row of rows) {
      if (row.window !== null && row.recordId !== null && row.recordCreatedAt !== null) {
        lists[row.window]?.push({
          id: row.recordId,
          createdAt: row.recordCreatedAt,
          data: row.recordData ?? {},
        });
      }
    }
    const { id, name, gender, birthDate, status, careLevel, room, bed, orgUnitId, admittedAt } = first;
    return {
      resident: { id, name, gender, birthDate, status, careLevel, room, bed, orgUnitId, admittedAt },
      recent: lists,
    };
  }

  /**
   * Inserts a new record and its first revision in one statement (one round trip: submissions are the
   * hot path). The revision stores neither data nor diff while the record is unchanged (the record's data, every
   * field added: read so; see insertRevision). Times come from the server clock
   * (the test clock moves them too). A record about a resident is filed in the resident's org unit, and the
   * same statement reads that resident as `visibleTo` may see it (tenant and record-level access, as
   * ResidentsService.visibleSummary): null when they may not see it, and then nothing is inserted;
   * 'not-newest' when `onlyIfNewest` found a later record of the resident and form (nothing inserted). Atomic on
   * its own: outside a transaction it is the whole write of a submission (RecordsService.create). A named
   * prepared statement (queryPrepared): planned once per connection, not on every submission.
   */
  async insertWithFirstRevision(
    manager: EntityManager,
    record: Omit<
      RecordEntity,
      'id' | 'updatedAt' | 'deletedAt' | 'revision' | 'residentId' | 'orgUnitId' | 'createdAt'
    > & {
      /** The id chosen ahead (rules evaluated before the insert saw it); else PostgreSQL's default. */
      id?: string;
      /** The server clock's time, or its reading when the statement is sent (TimeAtSend). */
      createdAt: Date | TimeAtSend;
    },
    placement: { residentId: string; visibleTo: Actor } | { residentId: null; orgUnitId: string },
    revision: Pick<RecordRevisionEntity, 'actorId' | 'actorName'>,
    options: { onlyIfNewest?: boolean } = {},
  ): Promise<{ record: RecordEntity; resident: EventResident | null } | 'not-newest' | null> {
    // positional parameters, the access scope's first (its named ones become $1, $2 …)
    const values: unknown[] = [];
    const param = (value: unknown): string => `$${values.push(value)}`;
    const scope =
      placement.residentId === null
        ? null
        : accessScope(placement.visibleTo, { orgUnitPath: 'ou.path', residentId: 'r.id' });
    const [scopeSql, scopeValues]: [string, unknown[]] = scope
      ? manager.connection.driver.escapeQueryWithParameters(scope.sql, scope.params)
      : ['', []];
    values.push(...scopeValues);
    const tenantId = param(record.tenantId);
    const createdAt = param(record.createdAt);
    const residentId = placement.residentId === null ? null : param(placement.residentId);
    const placed =
      placement.residentId === null
        ? `SELECT CAST(NULL AS uuid) AS id, CAST(${param(placement.orgUnitId)} AS uuid) AS "orgUnitId"`
        : `SELECT r.id, r.name, r.gender, to_char(r.birth_date, 'YYYY-MM-DD') AS "birthDate", r.status,
                  r.care_level AS "careLevel", r.room, r.bed, r.org_unit_id AS "orgUnitId",
                  r.admitted_at AS "admittedAt"
             FROM resident r
             JOIN org_unit ou ON ou.id = r.org_unit_id
            WHERE r.tenant_id = ${tenantId} AND r.id = ${residentId}${scope ? ` AND ${scopeSql}` : ''}`;
    // With onlyIfNewest (a record of a resident with its id chosen): nothing is written when a live record of the
    // resident and form sorts after it (created_at, then id, as a context window orders them). The resident is the
    // parameter, not placed.id: joined to the CTE, the generic plan filtered the join and walked the form's index
    // from its start on every submission (cost growing with the form's records).
    const newest =
      options.onlyIfNewest && record.id !== undefined && residentId !== null
        ? ` WHERE NOT EXISTS (SELECT 1 FROM record o WHERE o.resident_id = CAST(${residentId} AS uuid) AND o.deleted_at IS NULL
              AND (o.created_at, o.id) > (CAST(${createdAt} AS timestamptz), CAST(${param(record.id)} AS uuid))
              AND o.form_id = ${param(record.formId)})`
        : '';
    const sql = `WITH placed AS (
         ${placed}
       ), inserted AS (
         INSERT INTO record (${record.id === undefined ? '' : 'id, '}tenant_id, form_id, form_version, resident_id,
                             org_unit_id, data, scores, revision, created_by, updated_by, created_at, updated_at)
         SELECT ${record.id === undefined ? '' : `${param(record.id)}::uuid, `}${tenantId}, ${param(record.formId)}, ${param(record.formVersion)}, placed.id, placed."orgUnitId",
                ${param(JSON.stringify(record.data))}, ${param(JSON.stringify(record.scores))}, 1,
                ${param(record.createdBy)}, ${param(record.updatedBy)}, ${createdAt}, ${createdAt}
           FROM placed${newest}
         RETURNING id, tenant_id, created_at
       ), revision AS (
         INSERT INTO record_revision (tenant_id, record_id, revision, action, actor_id, actor_name, at, diff, data)
         SELECT tenant_id, id, 1, 'created', ${param(revision.actorId)}, ${param(revision.actorName)}, created_at,
                NULL, NULL
           FROM inserted
       )
       SELECT inserted.id AS "recordId", placed.* FROM placed LEFT JOIN inserted ON true`;
    const rows = await queryPrepared<EventResident & { recordId: string | null }>(manager, sql, values);
    const row = rows[0];
    if (!row) {
      if (placement.residentId === null) {
        throw new Error('the record insert returned no row');
      }
      return null;
    }
    const { recordId, ...resident } = row;
    if (recordId === null) {
      return 'not-newest';
    }
    const stamped = record.createdAt instanceof TimeAtSend ? record.createdAt.value : record.createdAt;
    return {
      record: Object.assign(new RecordEntity(), record, {
        id: recordId,
        residentId: placement.residentId,
        orgUnitId: resident.orgUnitId,
        revision: 1,
        createdAt: stamped,
        updatedAt: stamped,
        deletedAt: null,
      }),
      resident: placement.residentId === null ? null : resident,
    };
  }

  save(manager: EntityManager, record: RecordEntity): Promise<RecordEntity> {
    return manager.getRepository(RecordEntity).save(record);
  }

  /**
   * Stores a change of a record (its row locked) as its next revision. The first change (revision 2) first writes
   * `previous`, the data the record was created with, into the first revision, which holds none while the record is
   * unchanged.
   */
  async insertRevision(
    manager: EntityManager,
    revision: Partial<RecordRevisionEntity> & { recordId: string; revision: number },
    previous: Record<string, unknown>,
  ): Promise<RecordRevisionEntity> {
    if (revision.revision === 2) {
      await manager.query(
        'UPDATE record_revision SET data = $2 WHERE record_id = $1 AND revision = 1 AND data IS NULL',
        [revision.recordId, JSON.stringify(previous)],
      );
    }
    return manager
      .getRepository(RecordRevisionEntity)
      .save(manager.getRepository(RecordRevisionEntity).create(revision));
  }

  /** A record's revisions, first to last (`record`: the record as read now, whose data a first revision may hold). */
  async revisions(
    manager: EntityManager,
    record: Pick<RecordEntity, 'id' | 'data'>,
  ): Promise<ReadRevision[]> {
    const rows = await manager
      .getRepository(RecordRevisionEntity)
      .find({ where: { recordId: record.id }, order: { revision: 'ASC' } });
    return rows.map((row) => withDiff(row, record.data));
  }

  async revision(
    manager: EntityManager,
    record: Pick<RecordEntity, 'id' | 'data'>,
    revision: number,
  ): Promise<ReadRevision | null> {
    const row = await manager
      .getRepository(RecordRevisionEntity)
      .findOne({ where: { recordId: record.id, revision } });
    return row && withDiff(row, record.data);
  }
}
