import { createHash } from 'node:crypto';

/**
 * Opt-in database indexes on record fields (`x-indexed: true` in a form's schema): one partial expression
 * index per field and form on `record`, built (CONCURRENTLY, after the publish commits) when a version that
 * marks the field is published and dropped when the latest version no longer marks it. The expression is the
 * same text the list filters (the logic package's SQL compiler) and field sorts produce, so PostgreSQL matches
 * them to the index.
 */

/** The cast a field's JSONB text gets in filters and sorts; only immutable casts can be indexed. */
export type IndexCast = 'text' | 'numeric' | 'boolean';

export type FieldIndex = {
  /** Dot path of the field ('vitals.glucose'). */
  path: string;
  cast: IndexCast;
  /** `record_x_`, 20 hex digits of a hash of form, path and cast, `_id`: bounded, never from input. */
  name: string;
};

/** Every index of this kind starts with it (and none other does). */
export const FIELD_INDEX_PREFIX = 'record_x_';

/**
 * The names these indexes have had: `record_x_<hash>` keyed on the field alone (before keyset paging needed
 * the id), `record_x_<hash>_id` keyed on (field, id). The new suffix makes the next sync replace old ones.
 */
const FIELD_INDEX_NAME = /^record_x_[0-9a-f]{20}(_id)?$/;

export const isFieldIndexName = (name: string): boolean => FIELD_INDEX_NAME.test(name);

/** A field name an index expression may carry: letters (any script), digits, `_` and `-`. */
const SAFE_SEGMENT = /^[\p{L}\p{N}_-]{1,64}$/u;
const MAX_DEPTH = 8;
const MAX_INDEXES_PER_FORM = 16;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function castOf(schema: Record<string, unknown>): IndexCast | null {
  const types: unknown[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  const scalar = types.filter((t) => t !== 'null');
  if (scalar.length !== 1) {
    return null;
  }
  switch (scalar[0]) {
    case 'number':
    case 'integer':
      return 'numeric';
    case 'boolean':
      return 'boolean';
    case 'string':
      // Dates are indexed as their text (the ::date and ::timestamptz casts are not immutable).
      return schema.format === 'signature' || schema.format === 'photo' ? null : 'text';
    default:
      return null;
  }
}

/** Whether a field path may be written into SQL as a literal: every segment a plain field name. */
export const isIndexablePath = (path: string): boolean =>
  path.split('.').length <= MAX_DEPTH && path.split('.').every((segment) => SAFE_SEGMENT.test(segment));

/** The path as a PostgreSQL text[] literal, exactly as the filter compiler writes it: `'{"a","b"}'`. */
export function pathLiteral(path: string): string {
  if (!isIndexablePath(path)) {
    throw new Error(`not an indexable field path: ${path}`);
  }
  return `'{${path
    .split('.')
    .map((segment) => `"${segment}"`)
    .join(',')}}'`;
}

/** The indexed expression over `column` (`data` in the index, `rec.data` in queries). */
export function fieldExpression(column: string, path: string, cast: IndexCast): string {
  const text = `(${column} #>> ${pathLiteral(path)})`;
  return cast === 'text' ? text : `${text}::${cast}`;
}

export function fieldIndexName(formId: string, path: string, cast: IndexCast): string {
  const hash = createHash('sha256').update(`${formId}\u0000${path}\u0000${cast}`).digest('hex');
  return `${FIELD_INDEX_PREFIX}${hash.slice(0, 20)}_id`;
}

/**
 * The fields of a schema marked `x-indexed: true` that can have an index: scalars reached from the root
 * through `properties` whose names are plain (lint refuses the rest; anything else is skipped here).
 */
export function indexedFields(formId: string, schema: unknown): FieldIndex[] {
  const found: FieldIndex[] = [];
  const walk = (node: unknown, prefix: string, depth: number): void => {
    const properties = isObject(node) ? node.properties : undefined;
    if (!isObject(properties) || depth >= MAX_DEPTH) {
      return;
    }
    for (const [name, child] of Object.entries(properties)) {
      if (!isObject(child)) {
        continue;
      }
      const path = prefix ? `${prefix}.${name}` : name;
      const cast = castOf(child);
      if (child['x-indexed'] === true && cast && isIndexablePath(path)) {
        found.push({ path, cast, name: fieldIndexName(formId, path, cast) });
      }
      if (child.type === 'object') {
        walk(child, path, depth + 1);
      }
    }
  };
  walk(schema, '', 0);
  return found.slice(0, MAX_INDEXES_PER_FORM);
}

/**
 * `CREATE INDEX CONCURRENTLY` for one field of one form: a partial index over the form's live records whose
 * order is exactly the one a descending field sort reads — `(field) DESC NULLS LAST, id DESC`, the id being
 * the keyset tie-break — so a page reads its rows and stops instead of sorting every tie of the field's
 * value. Equality and range filters use it too. CONCURRENTLY: record writes go on while it builds; it must
 * run outside any transaction, and a failed build leaves an INVALID index to drop (see FieldIndexesService).
 * Only expressions: TypeORM's schema diff does not see expression indexes, so they never show up as a
 * pending migration.
 */
export function createFieldIndexSql(formId: string, index: FieldIndex): string {
  if (!/^[0-9a-f-]{36}$/.test(formId)) {
    throw new Error(`not a form id: ${formId}`);
  }
  if (!isFieldIndexName(index.name)) {
    throw new Error(`not a field index name: ${index.name}`);
  }
  return (
    `CREATE INDEX CONCURRENTLY IF NOT EXISTS "${index.name}" ON record ` +
    `((${fieldExpression('data', index.path, index.cast)}) DESC NULLS LAST, id DESC) ` +
    `WHERE form_id = '${formId}' AND deleted_at IS NULL`
  );
}

/** `DROP INDEX CONCURRENTLY` of a field index (never of any other index): outside any transaction too. */
export function dropFieldIndexSql(name: string): string {
  if (!isFieldIndexName(name)) {
    throw new Error(`not a field index name: ${name}`);
  }
  return `DROP INDEX CONCURRENTLY IF EXISTS "${name}"`;
}

/** What a sync does to one form's indexes: drop what is not wanted (or INVALID), build what is missing. */
export function fieldIndexChanges(
  existing: readonly { name: string; valid: boolean }[],
  wanted: readonly FieldIndex[],
): { create: FieldIndex[]; drop: string[] } {
  const names = new Set(wanted.map((index) => index.name));
  const drop = existing
    .filter((index) => isFieldIndexName(index.name) && (!index.valid || !names.has(index.name)))
    .map((index) => index.name);
  const kept = new Set(existing.filter((index) => !drop.includes(index.name)).map((index) => index.name));
  return { create: wanted.filter((index) => !kept.has(index.name)), drop };
}
