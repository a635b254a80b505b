import { describe, expect, it } from '@jest/globals';
import {
  createFieldIndexSql,
  dropFieldIndexSql,
  fieldIndexChanges,
  fieldIndexName,
  indexedFields,
  isFieldIndexName,
} from './field-indexes.util.js';

const FORM = '0b6f5a8e-6f1d-4a55-9a55-1c2d3e4f5a6b';

describe(indexedFields.name, () => {
  it('should find x-indexed scalars, nested ones as dot paths, and skip images and unsafe names', () => {
    // given a schema marking a number, a nested string, a photo and a field with a quote in its name
    const schema = {
      type: 'object',
      properties: {
        adlTotal: { type: 'integer', 'x-indexed': true },
        note: { type: 'string' },
        vitals: { type: 'object', properties: { level: { type: 'string', 'x-indexed': true } } },
        photo: { type: 'string', format: 'photo', 'x-indexed': true },
        "bad'name": { type: 'string', 'x-indexed': true },
      },
    };

    // when its indexed fields are derived
    const fields = indexedFields(FORM, schema);

    // then only the number and the nested string, each with its cast and a bounded name
    expect(fields.map((f) => [f.path, f.cast])).toEqual([
      ['adlTotal', 'numeric'],
      ['vitals.level', 'text'],
    ]);
    expect(fields.every((f) => /^record_x_[0-9a-f]{20}_id$/.test(f.name))).toBe(true);
  });
});

describe(createFieldIndexSql.name, () => {
  it('should build CONCURRENTLY an index ordered exactly like a descending field sort with its id tie-break', () => {
    // given an x-indexed number
    const [index] = indexedFields(FORM, { properties: { adlTotal: { type: 'number', 'x-indexed': true } } });

    // when its statement is written
    const sql = createFieldIndexSql(FORM, index!);

    // then the key is (field DESC NULLS LAST, id DESC) over the form's live records, built without blocking writes
    expect(sql).toBe(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "${index!.name}" ON record ` +
        `(((data #>> '{"adlTotal"}')::numeric) DESC NULLS LAST, id DESC) ` +
        `WHERE form_id = '${FORM}' AND deleted_at IS NULL`,
    );
  });

  it('should refuse a form id or an index name that is not ours', () => {
    const index = { path: 'a', cast: 'text' as const, name: 'record_form_created_id_idx' };
    expect(() =>
      createFieldIndexSql("x'; DROP TABLE record; --", { ...index, name: fieldIndexName(FORM, 'a', 'text') }),
    ).toThrow(/not a form id/);
    expect(() => createFieldIndexSql(FORM, index)).toThrow(/not a field index name/);
    expect(() => dropFieldIndexSql('record_form_created_id_idx')).toThrow(/not a field index name/);
  });
});

describe(fieldIndexChanges.name, () => {
  const wanted = indexedFields(FORM, {
    properties: { a: { type: 'string', 'x-indexed': true }, b: { type: 'integer', 'x-indexed': true } },
  });
  const [a, b] = wanted.map((index) => index.name);

  it('should replace indexes of the old definition (no _id suffix) and build the missing ones', () => {
    // given an index of a under its old name and none for b
    const old = a!.replace(/_id$/, '');
    expect(isFieldIndexName(old)).toBe(true);

    // when the changes are planned
    const changes = fieldIndexChanges([{ name: old, valid: true }], wanted);

    // then the old one goes and both new ones are built
    expect(changes.drop).toEqual([old]);
    expect(changes.create.map((index) => index.name)).toEqual([a, b]);
  });

  it('should drop and rebuild an INVALID index and keep a valid one', () => {
    const changes = fieldIndexChanges(
      [
        { name: a!, valid: false },
        { name: b!, valid: true },
      ],
      wanted,
    );
    expect(changes.drop).toEqual([a]);
    expect(changes.create.map((index) => index.name)).toEqual([a]);
  });

  it('should drop every index of a form that marks nothing any more, and nothing when all is in place', () => {
    expect(
      fieldIndexChanges(
        [
          { name: a!, valid: true },
          { name: b!, valid: true },
        ],
        [],
      ),
    ).toEqual({ create: [], drop: [a, b] });
    expect(
      fieldIndexChanges(
        [
          { name: a!, valid: true },
          { name: b!, valid: true },
        ],
        wanted,
      ),
    ).toEqual({ create: [], drop: [] });
  });
});
