import { describe, expect, it } from '@jest/globals';
import { LogicError } from './logic.errors.js';
import type { CompileSqlOptions } from './logic.types.js';
import { compileFilterToSql } from './sql.util.js';

const options: CompileSqlOptions = {
  column: 'r.data',
  fields: {
    name: 'string',
    level: 'string',
    'vitals.glucose': 'number',
    age: 'integer',
    bedridden: 'boolean',
    birth: 'date',
    'visit.at': 'date-time',
    体温: 'number',
  },
  // 2026-11-25 01:00 in Asia/Shanghai
  now: '2026-11-24T17:00:00Z',
};

const compile = (logic: unknown, extra: Partial<CompileSqlOptions> = {}) =>
  compileFilterToSql(logic, { ...options, ...extra });

const caught = (run: () => unknown): LogicError => {
  try {
    run();
  } catch (error) {
    if (error instanceof LogicError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a LogicError');
};

describe(compileFilterToSql.name, () => {
  it('should bind every value as a parameter when comparing fields', () => {
    expect(
      compile({ and: [{ '>=': [{ var: 'vitals.glucose' }, 7] }, { '===': [{ var: 'name' }, '张三'] }] }),
    ).toEqual({
      sql: `((r.data #>> '{"vitals","glucose"}')::numeric >= $1::numeric AND (r.data #>> '{"name"}') = $2::text)`,
      params: [7, '张三'],
    });
  });

  it('should read a field from its own column when the field has one', () => {
    // given a field stored in a typed column and another in a second JSONB column
    const extra = { columns: { 'visit.at': 'src.f0' }, jsonColumns: { name: 'src.rest' } };
    // when a filter compares both
    const compiled = compile(
      { and: [{ '<': [{ var: 'visit.at' }, '2026-11-01T00:00:00Z'] }, { '==': [{ var: 'name' }, '张三'] }] },
      extra,
    );
    // then the typed column is read as it is, the other through its own column's path, the rest as before
    expect(compiled).toEqual({
      sql: `(src.f0 < $1::timestamptz AND (src.rest #>> '{"name"}') = $2::text)`,
      params: ['2026-11-01T00:00:00.000Z', '张三'],
    });
    expect(compile({ '>': [{ var: 'age' }, 80] }, extra).sql).toBe(
      `(r.data #>> '{"age"}')::numeric > $1::numeric`,
    );
  });

  it('should refuse a field column that is not a plain column name', () => {
    // given a column expression with SQL in it
    const error = caught(() => compile({ var: 'name' }, { columns: { name: "x'); DROP TABLE t; --" } }));
    // then it is refused before anything is compiled
    expect(error.code).toBe('invalid-argument');
  });

  it('should number parameters from firstParam when given one', () => {
    expect(compile({ or: [{ '<': [{ var: 'age' }, 60] }, { var: 'bedridden' }] }, { firstParam: 3 })).toEqual(
      {
        sql: `((r.data #>> '{"age"}')::numeric < $3::numeric OR COALESCE((r.data #>> '{"bedridden"}')::boolean, false))`,
        params: [60],
      },
    );
  });

  it('should compile a three-argument comparison as between', () => {
    expect(compile({ '<=': [60, { var: 'age' }, 90] })).toEqual({
      sql: `($1::numeric <= (r.data #>> '{"age"}')::numeric AND (r.data #>> '{"age"}')::numeric <= $2::numeric)`,
      params: [60, 90],
    });
  });

  it('should keep two-valued logic when negating a comparison', () => {
    expect(compile({ '!': { '>': [{ var: '体温' }, 37.3] } })).toEqual({
      sql: `NOT COALESCE((r.data #>> '{"体温"}')::numeric > $1::numeric, false)`,
      params: [37.3],
    });
  });

  it('should use IS NULL / IS DISTINCT FROM when comparing with null or for inequality', () => {
    expect(compile({ '==': [{ var: 'name' }, null] })).toEqual({
      sql: `(r.data #>> '{"name"}') IS NULL`,
      params: [],
    });
    expect(compile({ '!=': [null, { var: 'name' }] })).toEqual({
      sql: `(r.data #>> '{"name"}') IS NOT NULL`,
      params: [],
    });
    expect(compile({ '!==': [{ var: 'level' }, '一级'] })).toEqual({
      sql: `(r.data #>> '{"level"}') IS DISTINCT FROM $1::text`,
      params: ['一级'],
    });
  });

  it('should compile in with a literal array to = ANY and substring in to position', () => {
    expect(compile({ in: [{ var: 'level' }, ['一级', '二级']] })).toEqual({
      sql: `(r.data #>> '{"level"}') = ANY($1::text[])`,
      params: [['一级', '二级']],
    });
    expect(compile({ in: ["50%_'x", { var: 'name' }] })).toEqual({
      sql: `position($1::text in (r.data #>> '{"name"}')) > 0`,
      params: ["50%_'x"],
    });
  });

  it('should compile truthiness of fields when given !! and !', () => {
    expect(compile({ '!!': { var: 'name' } }).sql).toBe(`COALESCE((r.data #>> '{"name"}') <> '', false)`);
    expect(compile({ '!': { var: 'age' } }).sql).toBe(
      `NOT (COALESCE((r.data #>> '{"age"}')::numeric <> 0, false))`,
    );
    expect(compile({ '!': [{ var: 'birth' }] }).sql).toBe(`NOT ((r.data #>> '{"birth"}')::date IS NOT NULL)`);
  });

  it('should compute within_last bounds from now in the time zone', () => {
    expect(compile({ within_last: [{ var: 'birth' }, 7] })).toEqual({
      sql: `(r.data #>> '{"birth"}')::date BETWEEN $1::date AND $2::date`,
      params: ['2026-11-18', '2026-11-25'],
    });
    expect(compile({ within_last: [{ var: 'visit.at' }, 1] })).toEqual({
      sql: `(r.data #>> '{"visit","at"}')::timestamptz BETWEEN $1::timestamptz AND $2::timestamptz`,
      params: ['2026-11-23T17:00:00.000Z', '2026-11-24T17:00:00.000Z'],
    });
  });

  it('should compute today/now/date_add on literals into parameters', () => {
    expect(compile({ '>=': [{ var: 'birth' }, { date_add: [{ today: [] }, -30, 'days'] }] })).toEqual({
      sql: `(r.data #>> '{"birth"}')::date >= $1::date`,
      params: ['2026-10-26'],
    });
    expect(compile({ '<': [{ var: 'visit.at' }, { now: [] }] })).toEqual({
      sql: `(r.data #>> '{"visit","at"}')::timestamptz < $1::timestamptz`,
      params: ['2026-11-24T17:00:00.000Z'],
    });
    // a date-only literal against a date-time field is the start of that day in the zone
    expect(compile({ '>=': [{ var: 'visit.at' }, '2026-11-25'] }).params).toEqual([
      '2026-11-24T16:00:00.000Z',
    ]);
  });

  it('should coalesce a var default and bind constant filters', () => {
    expect(compile({ '==': [{ var: ['age', 0] }, 80] })).toEqual({
      sql: `COALESCE((r.data #>> '{"age"}')::numeric, $1::numeric) = $2::numeric`,
      params: [0, 80],
    });
    expect(compile(true)).toEqual({ sql: '$1::boolean', params: [true] });
    expect(compile({ '==': [1, 2] })).toEqual({ sql: '$1::boolean', params: [false] });
  });

  it('should bind hostile values without touching the SQL text', () => {
    const hostile = "'); drop table residents;--";
    const compiled = compile({ '==': [{ var: 'name' }, hostile] });
    expect(compiled).toEqual({ sql: `(r.data #>> '{"name"}') = $1::text`, params: [hostile] });
    expect(compiled.sql).not.toContain('drop');
  });

  it('should refuse hostile or undeclared field names with forbidden-path', () => {
    for (const name of ["a'); drop table x;--", '__proto__', 'a..b', 'constructor', 'a b', 'a"b']) {
      const error = caught(() =>
        compile({ and: [{ '==': [{ var: name }, 1] }] }, { fields: { ...options.fields, [name]: 'number' } }),
      );
      expect([error.code, error.path]).toEqual(['forbidden-path', '/and/0/==/0/var']);
    }
    const undeclared = caught(() => compile({ '>': [{ var: 'vitals.bp' }, 1] }));
    expect([undeclared.code, undeclared.path, undeclared.message]).toEqual([
      'forbidden-path',
      '/>/0/var',
      'Field "vitals.bp" is not available in filters',
    ]);
    expect(caught(() => compile({ '>': [{ var: 'toString' }, 1] })).code).toBe('forbidden-path');
    expect(caught(() => compile({ var: '' })).code).toBe('forbidden-path');
  });

  it('should refuse a column that is not a plain identifier', () => {
    expect(caught(() => compile({ var: 'name' }, { column: 'r.data; drop table x' })).code).toBe(
      'invalid-argument',
    );
    expect(compile({ var: 'bedridden' }, { column: '"r"."data"' }).sql).toBe(
      `COALESCE(("r"."data" #>> '{"bedridden"}')::boolean, false)`,
    );
  });

  it('should refuse operations outside the filter subset naming the operation', () => {
    const error = caught(() => compile({ and: [{ some: [{ var: 'name' }, true] }] }));
    expect([error.code, error.path, error.message]).toEqual([
      'unknown-operation',
      '/and/0',
      'Operation "some" cannot be used in filters',
    ]);
    expect(error.messages['zh-CN']).toBe('运算 "some" 不能用于筛选条件');
    expect(caught(() => compile({ '>': [{ '+': [{ var: 'age' }, 1] }, 60] })).code).toBe('unknown-operation');
    expect(caught(() => compile({ method: ['x', 'y'] })).code).toBe('forbidden-operation');
  });

  it('should refuse values that do not match the field type', () => {
    const error = caught(() => compile({ '>': [{ var: 'age' }, '60'] }));
    expect([error.code, error.path]).toEqual(['invalid-argument', '/>/1']);
    expect(caught(() => compile({ '>': [{ var: 'age' }, null] })).code).toBe('invalid-argument');
    expect(caught(() => compile({ in: [{ var: 'age' }, [1, 'x']] })).path).toBe('/in/1/1');
    expect(caught(() => compile({ '==': [{ var: 'birth' }, 'not a date'] })).code).toBe('invalid-argument');
    expect(caught(() => compile({ '==': [{ var: 'age' }, { var: 'name' }] })).code).toBe('invalid-argument');
    expect(caught(() => compile({ within_last: [{ var: 'name' }, 7] })).code).toBe('invalid-argument');
  });

  it('should compare two fields of the same type', () => {
    expect(compile({ '<': [{ var: 'age' }, { var: 'vitals.glucose' }] }).sql).toBe(
      `(r.data #>> '{"age"}')::numeric < (r.data #>> '{"vitals","glucose"}')::numeric`,
    );
  });
});
