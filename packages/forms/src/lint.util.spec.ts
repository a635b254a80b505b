import { describe, expect, it } from '@jest/globals';
import barthelAdl from './fixtures/barthel-adl.schema.json' with { type: 'json' };
import elderArchive from './fixtures/elder-archive.schema.json' with { type: 'json' };
import type { LintIssue } from './forms.types.js';
import { lintFormSchema } from './lint.util.js';

const FIXTURES: Record<string, unknown> = { 'barthel-adl': barthelAdl, 'elder-archive': elderArchive };

/** A fresh copy of a committed fixture schema. */
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(JSON.stringify(FIXTURES[name])) as Record<string, unknown>;

const form = (
  properties: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> => ({
  type: 'object',
  properties,
  ...extra,
});

const errorsOf = (issues: LintIssue[]): Array<Pick<LintIssue, 'code' | 'path'>> =>
  issues.filter((issue) => issue.severity === 'error').map(({ code, path }) => ({ code, path }));

describe(lintFormSchema.name, () => {
  it.each(['barthel-adl', 'elder-archive'])('should find no issue when linting the %s fixture', (name) => {
    expect(lintFormSchema(fixture(name))).toEqual([]);
  });

  it('should accept x-indexed when it marks scalar fields', () => {
    // given a score, a text, a flag and a date marked for an index
    const schema = form({
      total: { type: 'integer', 'x-indexed': true },
      level: { type: 'string', enum: ['a', 'b'], 'x-indexed': true },
      flag: { type: ['boolean', 'null'], 'x-indexed': true },
      visit: { type: 'object', properties: { on: { type: 'string', format: 'date', 'x-indexed': true } } },
    });
    // when / then
    expect(errorsOf(lintFormSchema(schema))).toEqual([]);
  });

  it('should refuse x-indexed on non-scalar fields with a bilingual message', () => {
    // given an object, an array, a photo and a field inside an array marked for an index
    const schema = form({
      contact: { type: 'object', properties: { name: { type: 'string' } }, 'x-indexed': true },
      allergies: { type: 'array', items: { type: 'string' }, 'x-indexed': true },
      photo: { type: 'string', format: 'photo', maxLength: 1000, 'x-indexed': true },
      visits: {
        type: 'array',
        items: { type: 'object', properties: { at: { type: 'string', 'x-indexed': true } } },
      },
    });
    // when
    const issues = lintFormSchema(schema);
    // then
    expect(errorsOf(issues)).toEqual(
      expect.arrayContaining([
        { code: 'x-indexed-not-scalar', path: '/properties/contact/x-indexed' },
        { code: 'x-indexed-not-scalar', path: '/properties/allergies/x-indexed' },
        { code: 'x-indexed-not-scalar', path: '/properties/photo/x-indexed' },
        { code: 'dialect-keyword-placement', path: '/properties/visits/items/properties/at/x-indexed' },
      ]),
    );
    expect(errorsOf(issues)).toHaveLength(4);
    const notScalar = issues.find((issue) => issue.code === 'x-indexed-not-scalar');
    expect(notScalar?.messages['zh-CN']).toContain('单一取值');
    expect(notScalar?.messages.en).toContain('single-value fields');
  });

  it('should refuse a ReDoS pattern with a bilingual message when the pattern nests quantifiers', () => {
    // given
    const schema = form({ code: { type: 'string', pattern: '^(a+)+$', maxLength: 20 } });
    // when
    const issues = lintFormSchema(schema);
    // then
    expect(errorsOf(issues)).toEqual([{ code: 'unsafe-regex', path: '/properties/code/pattern' }]);
    expect(issues[0]?.messages['zh-CN']).toContain('灾难性回溯');
    expect(issues[0]?.messages.en).toContain('backtrack catastrophically');
    expect(issues[0]?.message).toBe(issues[0]?.messages['zh-CN']);
  });

  it('should refuse a pattern when the same schema has no maxLength', () => {
    expect(errorsOf(lintFormSchema(form({ room: { type: 'string', pattern: '^[0-9]{3}$' } })))).toEqual([
      { code: 'pattern-without-max-length', path: '/properties/room/pattern' },
    ]);
  });

  it('should refuse a catastrophic patternProperties key', () => {
    const schema = form({}, { patternProperties: { '^(x|x)*$': { type: 'string' } } });
    expect(errorsOf(lintFormSchema(schema))).toEqual([
      { code: 'unsafe-regex', path: '/patternProperties/^(x|x)*$' },
    ]);
  });

  it('should refuse a remote $ref when it does not start with #', () => {
    const schema = form({ other: { $ref: 'https://evil.example/s.json' } });
    expect(errorsOf(lintFormSchema(schema))).toEqual([
      { code: 'remote-ref', path: '/properties/other/$ref' },
    ]);
  });

  it('should refuse a local $ref when it points nowhere', () => {
    const schema = form({ other: { $ref: '#/$defs/missing' } });
    expect(errorsOf(lintFormSchema(schema)).map((issue) => issue.code)).toContain('unresolved-ref');
  });

  it('should refuse a __proto__ property when the schema comes from JSON', () => {
    // given: JSON.parse keeps "__proto__" as an own key
    const schema = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}') as unknown;
    // when / then
    expect(errorsOf(lintFormSchema(schema))).toEqual([
      { code: 'forbidden-property-name', path: '/properties/__proto__' },
    ]);
  });

  it.each(['constructor', 'prototype'])('should refuse the property name %s', (name) => {
    expect(errorsOf(lintFormSchema(form({ [name]: { type: 'string' } })))).toEqual([
      { code: 'forbidden-property-name', path: `/properties/${name}` },
    ]);
  });

  it('should refuse an unknown keyword when it is neither 2020-12 nor dialect', () => {
    const issues = lintFormSchema(form({ name: { type: 'string', 'x-widget': 'text', placeholder: 'a' } }));
    expect(errorsOf(issues)).toEqual([
      { code: 'unknown-keyword', path: '/properties/name/x-widget' },
      { code: 'unknown-keyword', path: '/properties/name/placeholder' },
    ]);
    expect(issues[0]?.messages).toEqual({
      'zh-CN': '未知关键字「x-widget」',
      en: 'Unknown keyword "x-widget"',
    });
  });

  it('should refuse uniqueItems when there is no maxItems', () => {
    const schema = form({ tags: { type: 'array', items: { type: 'string' }, uniqueItems: true } });
    expect(errorsOf(lintFormSchema(schema))).toEqual([
      { code: 'unique-items-without-max-items', path: '/properties/tags/uniqueItems' },
    ]);
  });

  it('should refuse $data when used as a keyword value', () => {
    const schema = form({ a: { type: 'number' }, b: { type: 'number', minimum: { $data: '1/a' } } });
    expect(errorsOf(lintFormSchema(schema)).map((issue) => issue.code)).toContain('data-ref');
  });

  it('should refuse a schema when it is nested deeper than 32 levels', () => {
    // given
    let schema: Record<string, unknown> = { type: 'string' };
    for (let level = 0; level < 20; level += 1) {
      schema = { type: 'object', properties: { a: schema } };
    }
    // when / then
    expect(errorsOf(lintFormSchema(schema)).map((issue) => issue.code)).toEqual(['schema-too-deep']);
  });

  it('should refuse more than 2000 properties', () => {
    const properties = Object.fromEntries(
      Array.from({ length: 2001 }, (_, index) => [`f${index}`, { type: 'string' }]),
    );
    expect(errorsOf(lintFormSchema(form(properties))).map((issue) => issue.code)).toEqual([
      'too-many-properties',
    ]);
  });

  it('should refuse a schema when it serializes to more than 512 KB', () => {
    const schema = form({ a: { type: 'string', description: '长'.repeat(180_000) } });
    expect(errorsOf(lintFormSchema(schema)).map((issue) => issue.code)).toEqual(['schema-too-large']);
  });

  it('should report metaschema errors with a schema pointer when a keyword has the wrong type', () => {
    const issues = errorsOf(lintFormSchema(form({ age: { type: 'integer', minimum: '0' } })));
    expect(issues).toContainEqual({ code: 'invalid-schema', path: '/properties/age/minimum' });
  });

  it('should report strict-mode compile errors when the metaschema accepts the schema', () => {
    const schema = form({ pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'string' }] } });
    expect(errorsOf(lintFormSchema(schema))).toEqual([{ code: 'schema-compile', path: '/properties/pair' }]);
  });

  it('should refuse a root when it is not an object schema', () => {
    expect(errorsOf(lintFormSchema({ type: 'string' }))).toEqual([
      { code: 'root-not-object', path: '/type' },
    ]);
    expect(errorsOf(lintFormSchema([]))).toEqual([{ code: 'schema-not-object', path: '' }]);
  });

  it('should refuse a nested $id and a foreign $schema', () => {
    const schema = form(
      { a: { $id: 'https://x.example/a', type: 'string' } },
      { $schema: 'http://json-schema.org/draft-07/schema#' },
    );
    expect(errorsOf(lintFormSchema(schema)).map((issue) => issue.code)).toEqual(
      expect.arrayContaining(['nested-id', 'unsupported-schema-dialect']),
    );
  });

  it('should refuse invalid JSON Logic and unknown var paths in dialect keywords', () => {
    // given
    const schema = form({
      a: { type: 'number' },
      b: { type: 'number', 'x-compute': { '+': [{ var: 'a' }, { var: 'nope' }] } },
      c: { type: 'string', 'x-visible-if': { frobnicate: [1] } },
    });
    // when
    const issues = errorsOf(lintFormSchema(schema));
    // then
    expect(issues).toContainEqual({ code: 'logic.unknown-field', path: '/properties/b/x-compute/+/1/var' });
    expect(issues.map((issue) => issue.code)).toContain('logic.unknown-operation');
    expect(issues.every((issue) => issue.path.startsWith('/properties/'))).toBe(true);
  });

  it('should name the fields of a compute cycle', () => {
    // given
    const schema = form({
      a: { type: 'number', 'x-compute': { '+': [{ var: 'b' }, 1] } },
      b: { type: 'number', 'x-compute': { '+': [{ var: 'a' }, 1] } },
    });
    // when
    const cycle = lintFormSchema(schema).find((issue) => issue.code === 'compute-cycle');
    // then
    expect(cycle?.messages.en).toContain('a → b → a');
    expect(cycle?.messages['zh-CN']).toContain('计算字段循环依赖');
  });

  it('should refuse behaviour keywords inside array items and $defs', () => {
    const schema = form(
      {
        list: {
          type: 'array',
          maxItems: 5,
          items: { type: 'object', properties: { v: { type: 'number', 'x-compute': 1 } } },
        },
      },
      { $defs: { d: { type: 'string', 'x-sensitive': true } } },
    );
    expect(errorsOf(lintFormSchema(schema))).toEqual([
      { code: 'dialect-keyword-placement', path: '/properties/list/items/properties/v/x-compute' },
      { code: 'dialect-keyword-placement', path: '/$defs/d/x-sensitive' },
    ]);
  });

  it('should accept x-sensitive inside array items and referenced $defs', () => {
    const schema = form(
      {
        contacts: { type: 'array', maxItems: 5, items: { $ref: '#/$defs/contact' } },
      },
      {
        $defs: {
          contact: { type: 'object', properties: { phone: { type: 'string', 'x-sensitive': true } } },
        },
      },
    );
    expect(lintFormSchema(schema)).toEqual([]);
  });

  it('should give messages in English when asked', () => {
    const issues = lintFormSchema(form({ x: { type: 'string', foo: 1 } }), { locale: 'en' });
    expect(issues[0]?.message).toBe('Unknown keyword "foo"');
  });
});
