import { describe, expect, it } from '@jest/globals';
import type { DatasetSpec } from '@careloom/contracts';
import type { Actor } from '../../common/auth/actor.types.js';
import { compileDataset, compileDrill, variableFields, type DatasetContext } from './dataset-sql.util.js';
import { InvalidDatasetError } from './reports.errors.js';

const actor = (roles: Actor['roles']): Actor => ({
  userId: '00000000-0000-0000-0000-0000000000aa',
  tenantId: '00000000-0000-0000-0000-0000000000bb',
  username: 'u',
  displayName: 'U',
  roles,
  sessionId: 's',
  ip: null,
  requestId: null,
});
const admin = actor([{ role: 'admin', orgUnitId: 'x', orgUnitPath: '/i/' }]);
const nurse = actor([{ role: 'nurse', orgUnitId: 'w', orgUnitPath: '/i/b/w/' }]);

const context = (overrides: Partial<DatasetContext> = {}): DatasetContext => ({
  actor: admin,
  timeZone: 'Asia/Shanghai',
  now: '2026-11-27T08:00:00.000Z',
  form: {
    id: '00000000-0000-0000-0000-0000000000cc',
    key: 'complaint-callback',
    fields: { score: 'integer', type: 'string', calledAt: 'date-time', day: 'date' },
  },
  filters: {},
  ...overrides,
});

const records = (dataset: Partial<DatasetSpec>): DatasetSpec => ({
  source: { type: 'records', formKey: 'complaint-callback' },
  groupBy: [],
  measures: [{ key: 'n', op: 'count' }],
  ...dataset,
});

/** Every $n placeholder is bound, and every bound value is used. */
function expectBalanced(sql: string, params: unknown[]): void {
  const used = new Set([...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  expect([...used].sort((a, b) => a - b)).toEqual(params.map((_, i) => i + 1));
}

describe(compileDataset.name, () => {
  it('should bind every value and never write a field path into the SQL when compiling', () => {
    // given a dataset with a filter, a field grouping, a time bucket and several measures
    const compiled = compileDataset(
      records({
        filter: { '==': [{ var: 'type' }, 'meals'] },
        groupBy: [
          { key: 'month', by: 'time', field: 'calledAt', bucket: 'month' },
          { key: 'type', by: 'field', field: 'type' },
        ],
        measures: [
          { key: 'n', op: 'count' },
          { key: 'p90', op: 'percentile', field: 'score', p: 0.9 },
          { key: 'nps', op: 'nps', field: 'score' },
        ],
      }),
      context({ filters: { from: '2026-01-01', to: '2026-04-01' } }),
    );

    // then the statement is one WITH query whose values are all parameters
    expect(compiled.sql.startsWith('WITH src AS (')).toBe(true);
    expectBalanced(compiled.sql, compiled.params);
    expect(compiled.sql).not.toContain('calledAt');
    expect(compiled.sql).not.toContain('Asia/Shanghai');
    expect(compiled.sql).not.toContain('0.9');
    expect(compiled.params).toEqual(
      expect.arrayContaining([['calledAt'], ['score'], 0.9, 'Asia/Shanghai', 'month']),
    );
    expect(compiled.sql).toContain('generate_series');
    expect(compiled.sql).toContain('percentile_cont(');
    expect(compiled.columns).toEqual([
      { key: 'month', alias: 'g0', kind: 'group', numeric: false },
      { key: 'type', alias: 'g1', kind: 'group', numeric: false },
      { key: 'n', alias: 'm0', kind: 'measure', numeric: true },
      { key: 'p90', alias: 'm1', kind: 'measure', numeric: true },
      { key: 'nps', alias: 'm2', kind: 'measure', numeric: true },
    ]);
  });

  it('should add the caller’s org-unit scope when the caller is not an administrator', () => {
    const scoped = compileDataset(records({}), context({ actor: nurse }));
    const open = compileDataset(records({}), context());

    expect(scoped.sql).toContain('LIKE ANY(');
    expect(scoped.params).toContainEqual(['/i/b/w/%']);
    expect(open.sql).not.toContain('LIKE ANY(');
    expectBalanced(scoped.sql, scoped.params);
  });

  it('should name each unknown or mistyped field by its pointer when compiling fails', () => {
    // given fields the form does not have or cannot be used that way
    const compile = () =>
      compileDataset(
        records({
          groupBy: [{ key: 'x', by: 'time', field: 'type', bucket: 'day' }],
          measures: [
            { key: 'a', op: 'sum', field: 'type' },
            { key: 'b', op: 'avg', field: '__proto__' },
            { key: 'c', op: 'duration', from: 'calledAt', to: 'day', unit: 'hours', aggregate: 'avg' },
          ],
          filter: { '>': [{ var: 'nosuch' }, 1] },
        }),
        context(),
      );

    // then every problem is reported at once
    expect(compile).toThrow(InvalidDatasetError);
    try {
      compile();
    } catch (error) {
      expect((error as InvalidDatasetError).errors.map((e) => e.path)).toEqual([
        '/dataset/groupBy/0/field',
        '/dataset/filter/>/0/var',
        '/dataset/measures/0/field',
        '/dataset/measures/1/field',
        '/dataset/measures/2/to',
      ]);
    }
  });

  it("should narrow a task source on its own columns by the filter's top-level text tests, keeping the filter", () => {
    // given a task dataset filtered on element, status and a due time
    const filter = {
      and: [
        { in: [{ var: 'elementId' }, ['firstResponse', 'resolve']] },
        { '==': [{ var: 'status' }, 'completed'] },
        { '!=': [{ var: 'dueAt' }, null] },
      ],
    };

    // when it is compiled
    const compiled = compileDataset(
      { source: { type: 'tasks' }, filter, groupBy: [], measures: [{ key: 'n', op: 'count' }] },
      context({ actor: admin, form: undefined }),
    );

    // then the element and status tests also run on the task's columns, as parameters
    const src = compiled.sql.slice(0, compiled.sql.indexOf('), ds AS'));
    expect(src).toMatch(/t\.element_id = ANY\(\$\d+::text\[\]\)/);
    expect(src).toMatch(/t\.status = \$\d+::text/);
    expect(compiled.params).toEqual(expect.arrayContaining([['firstResponse', 'resolve'], 'completed']));
    expect(src).not.toContain('due_at IS');
    expectBalanced(compiled.sql, compiled.params);
  });

  it('should read task, instance and resident fields from their own columns', () => {
    for (const source of [
      { type: 'tasks', processKey: 'complaint-workorder' },
      { type: 'process-instances' },
      { type: 'residents' },
    ] as const) {
      const compiled = compileDataset(
        { source, groupBy: [{ key: 'level', by: 'care-level' }], measures: [{ key: 'n', op: 'count' }] },
        context({ actor: nurse, form: undefined }),
      );
      expectBalanced(compiled.sql, compiled.params);
    }
    expect(() =>
      compileDataset(
        { source: { type: 'tasks' }, groupBy: [], measures: [{ key: 'n', op: 'avg', field: 'score' }] },
        context({ form: undefined }),
      ),
    ).toThrow(InvalidDatasetError);
  });
});

describe(`${compileDataset.name} rates across sources`, () => {
  const monthly = (measures: DatasetSpec['measures'], groupBy: DatasetSpec['groupBy'] = []): DatasetSpec =>
    records({
      groupBy: [{ key: 'month', by: 'time', field: 'calledAt', bucket: 'month' }, ...groupBy],
      measures,
    });

  it('should divide the group’s rows by resident-days of its bucket inside the same statement', () => {
    // given a per-1,000-resident-days rate with a numerator and a plain count
    const compiled = compileDataset(
      monthly([
        { key: 'n', op: 'count' },
        { key: 'falls', op: 'per-resident-days', numerator: { '==': [{ var: 'type' }, 'fall'] } },
      ]),
      context({ filters: { from: '2026-01-01', to: '2026-04-01' } }),
    );

    // then it is still one parameterised statement, joining residents laterally per row
    expectBalanced(compiled.sql, compiled.params);
    expect(compiled.sql.startsWith('WITH src AS (')).toBe(true);
    expect(compiled.sql).toContain('LEFT JOIN LATERAL (SELECT sum(GREATEST(0, LEAST(w.e');
    expect(compiled.sql).toContain('FROM resident res JOIN org_unit rou');
    expect(compiled.sql).not.toContain('bed_count');
    expect(compiled.sql).not.toContain('fall');
    expect(compiled.params).toEqual(expect.arrayContaining([1000, '2026-01-01', '2026-04-01', '1 month']));
    expect(compiled.columns.map((c) => [c.key, c.numeric])).toEqual([
      ['month', false],
      ['n', true],
      ['falls', true],
    ]);
  });

  it('should scope the residents and beds like the rows, and match a unit or care-level grouping', () => {
    const compiled = compileDataset(
      monthly(
        [
          { key: 'rate', op: 'per-residents', scale: 100 },
          { key: 'occupancy', op: 'occupancy' },
        ],
        [{ key: 'unit', by: 'org-unit' }],
      ),
      context({ actor: nurse, filters: { orgUnitPath: '/i/b/' } }),
    );

    expectBalanced(compiled.sql, compiled.params);
    // the rows, the residents in care, the counted units and the units above them: four scopes
    expect(compiled.sql.match(/LIKE ANY\(/g)).toHaveLength(4);
    expect(compiled.sql).toContain('rou.path LIKE ANY(');
    expect(compiled.sql).toContain('cu.bed_count IS NOT NULL');
    expect(compiled.sql).toContain('gu.name = r.g1');
    expect(compiled.params.filter((p) => p === '/i/b/%')).toHaveLength(4);
  });

  it('should take the window from the period or the first row when there is no time grouping', () => {
    const compiled = compileDataset(
      records({ measures: [{ key: 'rate', op: 'per-residents' }] }),
      context({ filters: { from: '2026-01-01' } }),
    );
    expectBalanced(compiled.sql, compiled.params);
    expect(compiled.sql).toContain('CROSS JOIN LATERAL (SELECT $');
    expect(compiled.params).toContain(100);
  });

  it('should point at a rate numerator naming an unknown field', () => {
    expect(() =>
      compileDataset(
        monthly([{ key: 'rate', op: 'per-residents', numerator: { '==': [{ var: 'nosuch' }, 1] } }]),
        context(),
      ),
    ).toThrow(InvalidDatasetError);
  });
});

describe(`${compileDataset.name} activity source`, () => {
  it('should read user-days with their home unit, role filter and scope bound as parameters', () => {
    const compiled = compileDataset(
      {
        source: { type: 'activity', role: 'family' },
        groupBy: [{ key: 'month', by: 'time', field: 'day', bucket: 'month' }],
        measures: [{ key: 'users', op: 'count-distinct', field: 'userId' }],
      },
      context({ actor: nurse, form: undefined, filters: { orgUnitPath: '/i/b/w/' } }),
    );
    expectBalanced(compiled.sql, compiled.params);
    expect(compiled.sql).toContain('FROM user_activity ua JOIN LATERAL');
    expect(compiled.sql).toContain('home.path LIKE ANY(');
    expect(compiled.sql).toContain('home.path LIKE $');
    expect(compiled.sql).not.toContain("'family' AS");
    expect(compiled.params).toEqual(expect.arrayContaining(['family', '/i/b/w/%']));
    // the user and the day are read from their own columns, not taken out of a JSON document per row
    expect(compiled.sql).toMatch(/ua\.user_id::text AS (f\d+)/);
    expect(compiled.sql).toMatch(/count\(DISTINCT ds\.f\d+\)/);
    expect(compiled.params).not.toContainEqual(['userId']);
  });

  it('should refuse fields the activity source does not have', () => {
    expect(() =>
      compileDataset(
        { source: { type: 'activity' }, groupBy: [], measures: [{ key: 'n', op: 'sum', field: 'username' }] },
        context({ form: undefined }),
      ),
    ).toThrow(InvalidDatasetError);
  });
});

describe(compileDrill.name, () => {
  it('should filter on the segment’s values and page when drilling', () => {
    const query = compileDrill(
      records({
        groupBy: [
          { key: 'month', by: 'time', field: 'calledAt', bucket: 'month' },
          { key: 'score', by: 'field', field: 'score' },
        ],
      }),
      context(),
      { month: '2026-04-01', score: 4 },
      { limit: 20, offset: 40 },
    );
    expectBalanced(query.sql, query.params);
    expect(query.params.slice(-4)).toEqual(['2026-04-01', 4, 20, 40]);
  });

  it('should refuse a group key the report does not have', () => {
    expect(() => compileDrill(records({}), context(), { nope: 1 }, { limit: 1, offset: 0 })).toThrow(
      InvalidDatasetError,
    );
  });
});

describe(variableFields.name, () => {
  it('should type process variables from how the dataset uses them', () => {
    expect(
      variableFields({
        source: { type: 'process-instances' },
        filter: {
          and: [
            { '==': [{ var: 'variables.urgency' }, 'urgent'] },
            { '>': [{ var: 'variables.reopenCount' }, 0] },
          ],
        },
        groupBy: [{ key: 'type', by: 'field', field: 'variables.complaintType' }],
        measures: [{ key: 'avg', op: 'avg', field: 'variables.score' }],
      }),
    ).toEqual({
      'variables.score': 'number',
      'variables.complaintType': 'string',
      'variables.urgency': 'string',
      'variables.reopenCount': 'number',
    });
  });
});

/** At least one CJK character: the problem is worded in Chinese. */
const CHINESE = /[\u4e00-\u9fff]/;

/** The field problems `compile` throws, each with its Chinese wording. */
function problemsOf(compile: () => unknown): { path: string; message: string; zh: string | undefined }[] {
  try {
    compile();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidDatasetError);
    const invalid = error as InvalidDatasetError;
    return invalid.errors.map((e, i) => ({ ...e, zh: invalid.zh?.messages?.[i] }));
  }
  throw new Error('expected the dataset to be refused');
}

describe(`${compileDataset.name} in Chinese`, () => {
  it('should word each field problem in Chinese alongside the unchanged English', () => {
    const problems = problemsOf(() =>
      compileDataset(
        records({
          groupBy: [{ key: 'x', by: 'time', field: 'type', bucket: 'day' }],
          measures: [{ key: 'a', op: 'sum', field: 'type' }],
          filter: { '>': [{ var: 'nosuch' }, 1] },
        }),
        context(),
      ),
    );
    expect(problems).toEqual([
      {
        path: '/dataset/groupBy/0/field',
        message: '"type" is string; a time needs a date or date-time field',
        zh: '“type”是 string 类型；时间须用 date 或 date-time 字段',
      },
      {
        path: '/dataset/filter/>/0/var',
        message: expect.stringContaining('nosuch'),
        zh: expect.stringMatching(/nosuch/),
      },
      {
        path: '/dataset/measures/0/field',
        message: 'sum needs a number field; "type" is string',
        zh: 'sum 须用数字字段；“type”是 string 类型',
      },
    ]);
    expect(
      problemsOf(() =>
        compileDataset(
          {
            source: { type: 'activity' },
            groupBy: [],
            measures: [{ key: 'n', op: 'sum', field: 'username' }],
          },
          context({ form: undefined }),
        ),
      ),
    ).toEqual([
      {
        path: '/dataset/measures/0/field',
        message: 'activity has no field "username" to report on; fields: userId, role, day',
        zh: '数据源 activity 没有可统计的字段“username”；请从这些字段中选：userId、role、day',
      },
    ]);
  });

  it('should give every problem of broken datasets and drill-downs a Chinese wording', () => {
    const compiles: (() => unknown)[] = [
      () =>
        compileDataset(
          records({
            groupBy: [
              { key: 'x', by: 'time', field: 'type', bucket: 'day' },
              { key: 'y', by: 'field', field: 'nosuch' },
            ],
            measures: [
              { key: 'a', op: 'avg', field: 'type' },
              { key: 'b', op: 'count-distinct', field: 'nosuch' },
              { key: 'c', op: 'duration', from: 'calledAt', to: 'day', unit: 'hours', aggregate: 'avg' },
              { key: 'd', op: 'ratio', numerator: { '==': [{ var: 'nosuch' }, 1] } },
              { key: 'e', op: 'ratio', numerator: true, denominator: { some: [[], true] } },
              { key: 'f', op: 'per-residents', numerator: { frobnicate: [] } },
              { key: 'g', op: 'min', field: 'nosuch' },
              { key: 'h', op: 'median', field: 'type' },
              { key: 'i', op: 'nps', field: 'calledAt' },
            ],
            filter: { '>': [{ var: 'nosuch' }, 1] },
          }),
          context(),
        ),
      () =>
        compileDataset(
          { source: { type: 'tasks' }, groupBy: [], measures: [{ key: 'n', op: 'sum', field: 'score' }] },
          context({ form: undefined }),
        ),
      () =>
        compileDrill(
          records({ groupBy: [{ key: 'month', by: 'time', field: 'calledAt', bucket: 'month' }] }),
          context(),
          { nope: 1, month: 'April' },
          { limit: 1, offset: 0 },
        ),
      () =>
        compileDrill(
          records({ groupBy: [{ key: 'score', by: 'field', field: 'score' }] }),
          context(),
          { score: 'four' },
          { limit: 1, offset: 0 },
        ),
      () =>
        compileDrill(
          records({ groupBy: [{ key: 'type', by: 'field', field: 'type' }] }),
          context(),
          { type: { nested: true } },
          { limit: 1, offset: 0 },
        ),
      () => compileDrill(records({}), context(), { nope: 1 }, { limit: 1, offset: 0 }),
    ];
    const problems = compiles.flatMap(problemsOf);
    expect(problems.length).toBeGreaterThan(15);
    expect(problems).toContainEqual({
      path: '/group/nope',
      message: 'the report has no grouping "nope"; its groupings: (none)',
      zh: '报表没有分组“nope”；它的分组有：（无）',
    });
    for (const problem of problems) {
      expect({ ...problem, zh: CHINESE.test(problem.zh ?? '') ? 'ok' : problem.zh }).toEqual({
        ...problem,
        zh: 'ok',
      });
    }
  });
});
