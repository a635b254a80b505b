import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readBundleFolder } from '../../src/modules/bundles/bundle-validation.util.js';
import { demoOrgUnits, residentInput, type OrgUnitIds } from '../factories/resident.factory.js';
import { startTestApp, type TestApp } from '../utils/test-app.js';

/**
 * Six complaint-like records, hand-placed in time (Asia/Shanghai, UTC+8):
 *
 * | id | wing | type  | score | nps  | openedAt (UTC)         | local day   | open → closed |
 * | R1 | A    | food  | 5     | 10   | 2026-01-31T15:30:00Z   | 01-31 23:30 | 2 h           |
 * | R2 | A    | food  | 3     | 9    | 2026-01-31T16:30:00Z   | 02-01 00:30 | 4 h           |
 * | R3 | B    | care  | 4     | 8    | 2026-02-10T02:00:00Z   | 02-10       | 6 h           |
 * | R4 | B    | care  | —     | 3    | 2026-04-05T02:00:00Z   | 04-05       | 8 h           |
 * | R5 | A    | noise | 1     | —    | 2026-04-20T02:00:00Z   | 04-20       | not closed    |
 * | R6 | B    | care  | 2     | 0    | 2026-04-10T02:00:00Z   | 04-10       | 10 h          |
 */
const SCHEMA = {
  type: 'object',
  properties: {
    type: { type: 'string', title: '类型', 'x-labels': { 'zh-CN': '投诉类型', en: 'Complaint type' } },
    score: { type: 'integer', minimum: 1, maximum: 5, 'x-labels': { 'zh-CN': '满意度', en: 'Satisfaction' } },
    nps: { type: 'integer', minimum: 0, maximum: 10 },
    openedAt: { type: 'string', format: 'date-time' },
    closedAt: { type: 'string', format: 'date-time' },
  },
  required: ['type', 'openedAt'],
};

const hours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000).toISOString();
const ROWS: { wing: 'A' | 'B'; data: Record<string, unknown> }[] = [
  { wing: 'A', data: { type: 'food', score: 5, nps: 10, openedAt: '2026-01-31T15:30:00Z' } },
  { wing: 'A', data: { type: 'food', score: 3, nps: 9, openedAt: '2026-01-31T16:30:00Z' } },
  { wing: 'B', data: { type: 'care', score: 4, nps: 8, openedAt: '2026-02-10T02:00:00Z' } },
  { wing: 'B', data: { type: 'care', nps: 3, openedAt: '2026-04-05T02:00:00Z' } },
  { wing: 'A', data: { type: 'noise', score: 1, openedAt: '2026-04-20T02:00:00Z' } },
  { wing: 'B', data: { type: 'care', score: 2, nps: 0, openedAt: '2026-04-10T02:00:00Z' } },
];
const DURATIONS = [2, 4, 6, 8, null, 10];

const title = (zh: string) => ({ 'zh-CN': zh, en: zh });
const TEMPLATES = path.resolve(import.meta.dirname, '..', '..', '..', 'templates');

async function bundleJson(name: string): Promise<Record<string, string>> {
  const files = await readBundleFolder(path.join(TEMPLATES, name));
  return Object.fromEntries([...files].map(([file, content]) => [file, content.toString('utf8')]));
}

function report(key: string, dataset: Record<string, unknown>, chart: Record<string, unknown> = {}) {
  return {
    schemaVersion: 1,
    key,
    title: title(key),
    dataset: { source: { type: 'records', formKey: 'kpi-test' }, groupBy: [], ...dataset },
    chart: { type: 'table', y: ((dataset.measures as { key: string }[]) ?? []).map((m) => m.key), ...chart },
  };
}

describe('reports', () => {
  let t: TestApp;
  let admin: string;
  let nurseA: string;
  let nurseB: string;
  let headNurse: string;
  let family: string;
  let units: OrgUnitIds;

  const as = (token: string, locale = 'zh-CN') => ({
    get: (url: string) =>
      t.http().get(url).set('authorization', `Bearer ${token}`).set('accept-language', locale),
    post: (url: string, body: object = {}) =>
      t.http().post(url).set('authorization', `Bearer ${token}`).set('accept-language', locale).send(body),
    put: (url: string, body: object) =>
      t.http().put(url).set('authorization', `Bearer ${token}`).set('accept-language', locale).send(body),
  });

  /** Saves the report and answers its data with the query string. */
  async function run(token: string, spec: ReturnType<typeof report>, query = '') {
    const saved = await as(admin).post('/api/reports', spec);
    expect(saved.status).toBe(201);
    const data = await as(token).get(`/api/reports/${spec.key}/data${query}`);
    expect(data.status).toBe(200);
    return data.body as {
      rows: Record<string, unknown>[];
      columns: { key: string; label: Record<string, string> }[];
      option: Record<string, unknown>;
      summary?: Record<string, unknown>;
    };
  }

  beforeAll(async () => {
    t = await startTestApp({ CARELOOM_TEST_CLOCK: '1' });
    admin = await t.login('admin');
    nurseA = await t.login('nurse.a');
    nurseB = await t.login('nurse.b');
    headNurse = await t.login('headnurse');
    family = await t.login('family.liu');
    units = await demoOrgUnits(t.dataSource);
    const created = await as(admin).post('/api/forms', {
      key: 'kpi-test',
      name: title('测试'),
      schema: SCHEMA,
    });
    expect((await as(admin).post(`/api/forms/${created.body.id}/publish`)).status).toBe(201);
    const residentA = (await as(admin).post('/api/residents', residentInput(units.wingA))).body.id as string;
    const residentB = (await as(admin).post('/api/residents', residentInput(units.wingB))).body.id as string;
    for (const [i, row] of ROWS.entries()) {
      const duration = DURATIONS[i];
      const data = {
        ...row.data,
        ...(duration !== null && duration !== undefined
          ? { closedAt: hours(row.data.openedAt as string, duration) }
          : {}),
      };
      const response = await as(row.wing === 'A' ? nurseA : nurseB).post('/api/records', {
        formKey: 'kpi-test',
        residentId: row.wing === 'A' ? residentA : residentB,
        data,
      });
      expect(response.status).toBe(201);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('should compute every measure exactly over the whole data set, nulls ignored', async () => {
    const result = await run(
      admin,
      report('all-measures', {
        measures: [
          { key: 'n', op: 'count' },
          { key: 'types', op: 'count-distinct', field: 'type' },
          { key: 'total', op: 'sum', field: 'score' },
          { key: 'mean', op: 'avg', field: 'score' },
          { key: 'low', op: 'min', field: 'score' },
          { key: 'high', op: 'max', field: 'score' },
          { key: 'mid', op: 'median', field: 'score' },
          { key: 'p90', op: 'percentile', field: 'score', p: 0.9 },
          { key: 'nps', op: 'nps', field: 'nps' },
          {
            key: 'good',
            op: 'ratio',
            numerator: { '>=': [{ var: 'score' }, 4] },
            denominator: { '!=': [{ var: 'score' }, null] },
          },
          { key: 'hAvg', op: 'duration', from: 'openedAt', to: 'closedAt', unit: 'hours', aggregate: 'avg' },
          {
            key: 'hMed',
            op: 'duration',
            from: 'openedAt',
            to: 'closedAt',
            unit: 'hours',
            aggregate: 'median',
          },
          {
            key: 'hP90',
            op: 'duration',
            from: 'openedAt',
            to: 'closedAt',
            unit: 'hours',
            aggregate: 'percentile',
            p: 0.9,
          },
          {
            key: 'mMax',
            op: 'duration',
            from: 'openedAt',
            to: 'closedAt',
            unit: 'minutes',
            aggregate: 'max',
          },
          { key: 'firstOpened', op: 'min', field: 'openedAt' },
        ],
      }),
    );
    // scores 5,3,4,—,1,2 · nps 10,9,8,3,—,0 · durations 2,4,6,8,—,10 h
    expect(result.rows).toHaveLength(1);
    const row = result.rows[0]!;
    expect(row).toMatchObject({ n: 6, types: 3, total: 15, mean: 3, low: 1, high: 5, mid: 3 });
    expect(row.p90).toBeCloseTo(4.6, 10); // percentile_cont: 4 + 0.6 × (5 − 4)
    expect(row.nps).toBe(0); // 2 promoters − 2 detractors of 5 answers
    expect(row.good).toBe(40); // 5 and 4 of five scores
    expect(row).toMatchObject({ hAvg: 6, hMed: 6, mMax: 600 });
    expect(row.hP90).toBeCloseTo(9.2, 10); // 8 + 0.6 × (10 − 8)
    expect(row.firstOpened).toBe('2026-01-31T15:30:00.000Z');
  });

  it('should give NPS and percentiles per group exactly, and null for a group without answers', async () => {
    const result = await run(
      admin,
      report(
        'nps-by-type',
        {
          groupBy: [{ key: 'type', by: 'field', field: 'type' }],
          measures: [
            { key: 'nps', op: 'nps', field: 'nps' },
            { key: 'p50', op: 'percentile', field: 'nps', p: 0.5 },
          ],
        },
        { type: 'bar', x: 'type', y: ['nps'] },
      ),
    );
    expect(result.rows.map((r) => r.type)).toEqual(['care', 'food', 'noise']);
    const byType = Object.fromEntries(result.rows.map((r) => [r.type, r]));
    expect(byType.care!.nps).toBeCloseTo(-200 / 3, 12); // 8, 3, 0: no promoter, two detractors of three
    expect(byType.food!.nps).toBe(100);
    expect(byType.noise!.nps).toBeNull();
    expect(byType.care!.p50).toBe(3);
    expect(byType.food!.p50).toBe(9.5);
    expect(result.option).toMatchObject({
      xAxis: { type: 'category', data: ['care', 'food', 'noise'] },
      series: [{ type: 'bar', name: 'NPS（nps）', data: [-200 / 3, 100, null] }],
    });
  });

  it('should bucket by month in the home’s time zone, fill empty months and count a 23:30 record in its own month', async () => {
    const result = await run(
      admin,
      report(
        'monthly',
        {
          groupBy: [{ key: 'month', by: 'time', field: 'openedAt', bucket: 'month' }],
          measures: [
            { key: 'n', op: 'count' },
            { key: 'score', op: 'avg', field: 'score' },
          ],
        },
        { type: 'line', x: 'month' },
      ),
      '?from=2026-01-01&to=2026-05-01',
    );
    expect(result.rows).toEqual([
      { month: '2026-01-01', n: 1, score: 5 },
      { month: '2026-02-01', n: 2, score: 3.5 },
      { month: '2026-03-01', n: 0, score: null },
      { month: '2026-04-01', n: 3, score: 1.5 },
    ]);
    expect(result.columns.find((c) => c.key === 'month')?.label).toEqual({
      'zh-CN': 'openedAt（月）',
      en: 'openedAt (month)',
    });
  });

  it('should bucket by day, ISO week and quarter across the midnight edge', async () => {
    const spec = (key: string, bucket: string) =>
      report(key, {
        groupBy: [{ key: 'at', by: 'time', field: 'openedAt', bucket }],
        measures: [{ key: 'n', op: 'count' }],
      });
    const days = await run(admin, spec('by-day', 'day'), '?from=2026-01-31&to=2026-02-02');
    expect(days.rows).toEqual([
      { at: '2026-01-31', n: 1 },
      { at: '2026-02-01', n: 1 },
    ]);
    // Saturday 31 January and Sunday 1 February (local) share the week starting Monday 26 January.
    const weeks = await run(admin, spec('by-week', 'week'), '?from=2026-01-26&to=2026-02-09');
    expect(weeks.rows).toEqual([
      { at: '2026-01-26', n: 2 },
      { at: '2026-02-02', n: 0 },
    ]);
    const quarters = await run(admin, spec('by-quarter', 'quarter'), '?from=2026-01-01&to=2026-07-01');
    expect(quarters.rows).toEqual([
      { at: '2026-01-01', n: 3 },
      { at: '2026-04-01', n: 3 },
    ]);
  });

  it('should apply the period from local midnight to local midnight', async () => {
    // 1 Feb 00:00 in Shanghai is 31 Jan 16:00 UTC: R1 (15:30 UTC) falls before, R2 (16:30 UTC) inside.
    const spec = report('february-by-time', {
      groupBy: [{ key: 'month', by: 'time', field: 'openedAt', bucket: 'month' }],
      measures: [{ key: 'n', op: 'count' }],
    });
    const february = await run(admin, spec, '?from=2026-02-01&to=2026-03-01');
    expect(february.rows).toEqual([{ month: '2026-02-01', n: 2 }]);
  });

  it('should count only the caller’s wing, and intersect an org unit filter with it', async () => {
    const spec = report('scoped', {
      groupBy: [{ key: 'unit', by: 'org-unit' }],
      measures: [{ key: 'n', op: 'count' }],
    });
    const all = await run(admin, spec);
    expect(all.rows).toEqual([
      { unit: 'A区（一层）', n: 3 },
      { unit: 'B区（二层）', n: 3 },
    ]);
    const wingA = await as(nurseA).get('/api/reports/scoped/data');
    expect(wingA.body.rows).toEqual([{ unit: 'A区（一层）', n: 3 }]);
    const wingB = await as(nurseB).get('/api/reports/scoped/data');
    expect(wingB.body.rows).toEqual([{ unit: 'B区（二层）', n: 3 }]);
    const branch = await as(headNurse).get('/api/reports/scoped/data');
    expect(branch.body.rows).toHaveLength(2);
    const onlyB = await as(admin).get(`/api/reports/scoped/data?orgUnitId=${units.wingB}`);
    expect(onlyB.body.rows).toEqual([{ unit: 'B区（二层）', n: 3 }]);
    const outside = await as(nurseA).get(`/api/reports/scoped/data?orgUnitId=${units.wingB}`);
    expect(outside.body.rows).toEqual([]);
    const denied = await as(family).get('/api/reports/scoped/data');
    expect(denied.status).toBe(403);
  });

  it('should refuse hostile and unknown field names with a 400 at the pointer, and run nothing', async () => {
    const attempts: [Record<string, unknown>, string][] = [
      [
        {
          groupBy: [{ key: 'x', by: 'field', field: 'a"; drop table record; --' }],
          measures: [{ key: 'n', op: 'count' }],
        },
        '/dataset/groupBy/0/field',
      ],
      [{ measures: [{ key: 'n', op: 'sum', field: '__proto__' }] }, '/dataset/measures/0/field'],
      [{ measures: [{ key: 'n', op: 'avg', field: 'nosuch' }] }, '/dataset/measures/0/field'],
      [{ measures: [{ key: 'n', op: 'sum', field: 'type' }] }, '/dataset/measures/0/field'],
      [
        {
          filter: { '==': [{ var: "type'); drop table record; --" }, 'x'] },
          measures: [{ key: 'n', op: 'count' }],
        },
        '/dataset/filter/==/0/var',
      ],
      [
        {
          measures: [
            { key: 'n', op: 'count' },
            { key: 'p', op: 'percentile', field: 'score', p: 1.5 },
          ],
        },
        '/dataset/measures/1/p',
      ],
      [{ measures: [{ key: 'bad key', op: 'count' }] }, '/dataset/measures/0/key'],
    ];
    for (const [i, [dataset, pointer]] of attempts.entries()) {
      const response = await as(admin).post('/api/reports', report(`hostile-${i}`, dataset, { y: ['n'] }));
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect((response.body.errors as { path: string }[]).map((e) => e.path)).toContain(pointer);
    }
    const preview = await as(admin).post('/api/reports/preview', {
      report: report('preview', { measures: [{ key: 'n', op: 'max', field: 'constructor' }] }),
    });
    expect(preview.status).toBe(400);
    expect(preview.body.errors[0].path).toBe('/report/dataset/measures/0/field');
    // the designer reads the problems in Chinese (the default), in English when asked
    expect(preview.body.detail).toBe('报表有 1 处问题，未保存也未运行；请看各字段的提示。');
    expect(preview.body.errors).toEqual([
      {
        path: '/report/dataset/measures/0/field',
        message: '须为字段路径，例如 "satisfactionScore" 或 "vitals.glucose"',
      },
    ]);
    const unknownField = report('preview', { measures: [{ key: 'n', op: 'avg', field: 'nosuch' }] });
    const unknownZh = await as(admin).post('/api/reports/preview', { report: unknownField });
    expect(unknownZh.status).toBe(400);
    expect(unknownZh.body.errors).toEqual([
      {
        path: '/report/dataset/measures/0/field',
        message: expect.stringMatching(
          /^表单“kpi-test”没有可统计的字段“nosuch”；请从这些字段中选：createdAt、updatedAt、/,
        ),
      },
    ]);
    const unknownEn = await as(admin, 'en').post('/api/reports/preview', { report: unknownField });
    expect(unknownEn.status).toBe(400);
    expect(unknownEn.body.detail).toBe('The report has 1 problem(s); nothing was saved or run. See errors.');
    expect(unknownEn.body.errors).toEqual([
      {
        path: '/report/dataset/measures/0/field',
        message: expect.stringMatching(
          /^the form "kpi-test" has no field "nosuch" to report on; fields: createdAt, updatedAt, /,
        ),
      },
    ]);
    const badKeyEn = await as(admin, 'en').post(
      '/api/reports',
      report('hostile-en', { measures: [{ key: 'bad key', op: 'count' }] }, { y: ['n'] }),
    );
    expect(badKeyEn.body.errors).toContainEqual({
      path: '/dataset/measures/0/key',
      message: 'key must be a letter followed by up to 39 letters, digits or _ (it names a result column)',
    });
    expect(Number((await t.dataSource.query('SELECT count(*)::int AS n FROM record'))[0].n)).toBe(6);
  });

  it('should keep versions: PUT saves the next one, data follows it, old ones stay readable', async () => {
    const first = report('versioned', { measures: [{ key: 'n', op: 'count' }] });
    await run(admin, first);
    const second = {
      ...first,
      dataset: { ...first.dataset, filter: { '==': [{ var: 'type' }, 'care'] } },
    };
    const stale = await as(admin).put('/api/reports/versioned?baseVersion=0', second);
    expect(stale.status).toBe(409);
    const saved = await as(admin).put('/api/reports/versioned?baseVersion=1', second);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 2, currentVersion: 2 });
    expect(saved.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const data = await as(nurseB).get('/api/reports/versioned/data');
    expect(data.body).toMatchObject({ version: 2, rows: [{ n: 3 }] });
    const old = await as(admin).get('/api/reports/versioned?version=1');
    expect(old.body.dataset.filter).toBeUndefined();
    const renamed = await as(admin).put('/api/reports/versioned', { ...second, key: 'other' });
    expect(renamed.status).toBe(400);
    expect(renamed.body.errors).toEqual([
      { path: '/key', message: 'key 须保持为“versioned”（它是这个报表的标识）' },
    ]);
    const byNurse = await as(nurseA).put('/api/reports/versioned', second);
    expect(byNurse.status).toBe(403);
  });

  it('should answer a number with the previous period of equal length and the target', async () => {
    // Without a time grouping the period is on the records' creation time: all six were filled in today.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const dayMs = 86_400_000;
    const shift = (days: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
    const total = report(
      'csat',
      { measures: [{ key: 'csat', op: 'avg', field: 'score' }] },
      { type: 'number', y: ['csat'], target: 4.5 },
    );
    expect((await as(admin).post('/api/reports', total)).status).toBe(201);
    const now = await as(admin).get(`/api/reports/csat/data?from=${today}&to=${shift(1)}`);
    expect(now.body.summary).toEqual({ value: 3, previous: null, target: 4.5 });
    expect(now.body.option).toEqual({});
    const later = await as(admin).get(`/api/reports/csat/data?from=${shift(2)}&to=${shift(4)}`);
    expect(later.body.summary).toEqual({ value: null, previous: 3, target: 4.5 });
    // With a time grouping: the last bucket against the one before.
    const monthly = report(
      'csat-monthly',
      {
        groupBy: [{ key: 'month', by: 'time', field: 'openedAt', bucket: 'month' }],
        measures: [{ key: 'csat', op: 'avg', field: 'score' }],
      },
      { type: 'number', y: ['csat'], target: 4.5 },
    );
    expect((await as(admin).post('/api/reports', monthly)).status).toBe(201);
    const february = await as(admin).get('/api/reports/csat-monthly/data?from=2026-01-01&to=2026-03-01');
    expect(february.body.summary).toEqual({ value: 3.5, previous: 5, target: 4.5 });
  });

  it('should drill into the records behind one segment, paged, with links', async () => {
    const spec = report(
      'drill-me',
      {
        groupBy: [
          { key: 'month', by: 'time', field: 'openedAt', bucket: 'month' },
          { key: 'type', by: 'field', field: 'type' },
        ],
        measures: [{ key: 'n', op: 'count' }],
      },
      { type: 'bar', x: 'month', series: 'type', y: ['n'] },
    );
    const data = await run(admin, spec, '?from=2026-01-01&to=2026-05-01');
    // every month × every type seen: 4 × 3, empty ones counted 0
    expect(data.rows).toHaveLength(12);
    expect(data.rows.find((r) => r.month === '2026-04-01' && r.type === 'care')).toEqual({
      month: '2026-04-01',
      type: 'care',
      n: 2,
    });
    const group = encodeURIComponent(JSON.stringify({ month: '2026-04-01', type: 'care' }));
    const drill = await as(admin).get(
      `/api/reports/drill-me/drill?from=2026-01-01&to=2026-05-01&group=${group}&limit=1`,
    );
    expect(drill.status).toBe(200);
    expect(drill.body.total).toBe(2);
    expect(drill.body.items).toHaveLength(1);
    expect(drill.body.items[0].href).toBe(`/records/${drill.body.items[0].id}`);
    expect(drill.body.items[0].residentName).toEqual(expect.any(String));
    const second = await as(admin).get(
      `/api/reports/drill-me/drill?from=2026-01-01&to=2026-05-01&group=${group}&limit=1&offset=1`,
    );
    expect(second.body.items[0].id).not.toBe(drill.body.items[0].id);
    const scoped = await as(nurseA).get(
      `/api/reports/drill-me/drill?from=2026-01-01&to=2026-05-01&group=${group}`,
    );
    expect(scoped.body.total).toBe(0);
    const unknown = await as(admin).get(
      `/api/reports/drill-me/drill?group=${encodeURIComponent('{"nope":1}')}`,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([
      { path: '/group/nope', message: '报表没有分组“nope”；它的分组有：month、type' },
    ]);
  });

  it('should export the rows as CSV labelled in the caller’s language', async () => {
    await run(
      admin,
      report('csv-me', {
        groupBy: [{ key: 'type', by: 'field', field: 'type' }],
        measures: [{ key: 'avgScore', op: 'avg', field: 'score' }],
      }),
    );
    const zh = await as(admin).get('/api/reports/csv-me/export.csv');
    expect(zh.status).toBe(200);
    expect(zh.headers['content-type']).toContain('text/csv');
    expect(zh.text.replace('\uFEFF', '').split('\r\n')).toEqual([
      '投诉类型,平均满意度',
      'care,3',
      'food,4',
      'noise,1',
      '',
    ]);
    const en = await as(admin, 'en').get('/api/reports/csv-me/export.csv');
    expect(en.text.replace('\uFEFF', '').split('\r\n')[0]).toBe('Complaint type,Average Satisfaction');
  });

  it('should answer a dashboard with every report under its shared filters', async () => {
    const count = report(
      'dash-count',
      {
        groupBy: [{ key: 'month', by: 'time', field: 'openedAt', bucket: 'month' }],
        measures: [{ key: 'n', op: 'count' }],
      },
      { type: 'number', y: ['n'] },
    );
    expect((await as(admin).post('/api/reports', count)).status).toBe(201);
    const dashboard = {
      schemaVersion: 1,
      key: 'director-test',
      title: title('院长看板'),
      filters: ['period', 'org-unit'],
      items: [
        { report: 'dash-count', x: 0, y: 0, w: 4, h: 2 },
        { report: 'monthly', x: 4, y: 0, w: 8, h: 4 },
      ],
    };
    const missing = await as(admin).post('/api/dashboards', {
      ...dashboard,
      items: [...dashboard.items, { report: 'nope', x: 0, y: 4, w: 12, h: 2 }],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([
      { path: '/items/2/report', message: '没有报表“nope”；请先保存或导入它' },
    ]);
    expect((await as(admin).post('/api/dashboards', dashboard)).status).toBe(201);
    const list = await as(nurseA).get('/api/dashboards');
    expect(list.body).toEqual([expect.objectContaining({ key: 'director-test', version: 1, reports: 2 })]);
    const data = await as(admin).get(
      `/api/dashboards/director-test/data?from=2026-04-01&to=2026-05-01&orgUnitId=${units.wingB}`,
    );
    expect(data.status).toBe(200);
    expect(data.body.items[0].result.rows).toEqual([{ month: '2026-04-01', n: 2 }]);
    expect(data.body.items[0].result.summary).toEqual({ value: 2, previous: null, target: null });
    expect(data.body.items[1].result.rows).toEqual([{ month: '2026-04-01', n: 2, score: 2 }]);
    const spec = await as(nurseA).get('/api/dashboards/director-test');
    expect(spec.body).toMatchObject({ key: 'director-test', version: 1, filters: ['period', 'org-unit'] });
  });

  it('should word a tile’s problem in the caller’s language when its form dropped the field its report reads', async () => {
    // given a form with a score, and a dashboard with a report averaging it
    const form = await as(admin).post('/api/forms', {
      key: 'tile-test',
      name: title('瓦片测试'),
      schema: { type: 'object', properties: { score: { type: 'integer' }, note: { type: 'string' } } },
    });
    expect((await as(admin).post(`/api/forms/${form.body.id}/publish`)).status).toBe(201);
    const average = report('tile-avg', { measures: [{ key: 'mean', op: 'avg', field: 'score' }] });
    average.dataset.source.formKey = 'tile-test';
    expect((await as(admin).post('/api/reports', average)).status).toBe(201);
    const dashboard = {
      schemaVersion: 1,
      key: 'tile-dashboard',
      title: title('瓦片看板'),
      filters: [],
      items: [{ report: 'tile-avg', x: 0, y: 0, w: 6, h: 2 }],
    };
    expect((await as(admin).post('/api/dashboards', dashboard)).status).toBe(201);

    // when the form's next version no longer has the score
    const draft = await as(admin).get(`/api/forms/${form.body.id}`);
    const changed = await as(admin).put(`/api/forms/${form.body.id}/draft`, {
      version: (draft.body as { version: number }).version,
      schema: { type: 'object', properties: { note: { type: 'string' } } },
    });
    expect(changed.status).toBe(200);
    expect((await as(admin).post(`/api/forms/${form.body.id}/publish`)).status).toBe(201);

    // then the tile says what is wrong, in Chinese by default and in English when asked
    const zh = await as(admin).get('/api/dashboards/tile-dashboard/data');
    const en = await as(admin, 'en').get('/api/dashboards/tile-dashboard/data');
    expect(zh.status).toBe(200);
    expect(zh.body.items[0]).toMatchObject({ report: 'tile-avg', result: null });
    expect(zh.body.items[0].error).toMatch(/score/);
    expect(zh.body.items[0].error).toMatch(/[\u4e00-\u9fa5]/);
    expect(en.body.items[0].error).toMatch(/has no field "score"/);
  });

  it('should count residents by care level within the caller’s scope, with the reason they left', async () => {
    const resident = (
      await as(admin).post('/api/residents', residentInput(units.wingA, { careLevel: '特级护理' }))
    ).body;
    for (const status of ['trial', 'admitted', 'discharged'].slice(
      ['inquiry', 'trial', 'admitted'].indexOf(resident.status as string),
    )) {
      const moved = await as(admin).post(`/api/residents/${resident.id}/status`, {
        status,
        reason: status === 'discharged' ? '转院' : undefined,
      });
      expect(moved.status).toBeLessThan(300);
    }
    const spec = {
      schemaVersion: 1,
      key: 'churn',
      title: title('退住原因'),
      dataset: {
        source: { type: 'residents' },
        filter: { in: [{ var: 'status' }, ['discharged', 'deceased']] },
        groupBy: [
          { key: 'reason', by: 'field', field: 'dischargeReason' },
          { key: 'level', by: 'care-level' },
        ],
        measures: [{ key: 'n', op: 'count' }],
      },
      chart: { type: 'pie', x: 'reason', y: ['n'] },
    };
    expect((await as(admin).post('/api/reports', spec)).status).toBe(201);
    const all = await as(admin).get('/api/reports/churn/data');
    expect(all.body.rows).toEqual([{ reason: '转院', level: '特级护理', n: 1 }]);
    expect(all.body.option.series[0]).toMatchObject({ type: 'pie', data: [{ name: '转院', value: 1 }] });
    expect((await as(nurseB).get('/api/reports/churn/data')).body.rows).toEqual([]);
  });

  it('should import a report from a bundle and refuse a broken one naming the file', async () => {
    const manifest = {
      schemaVersion: 1,
      key: 'reports-bundle-test',
      version: '1.0.0',
      title: title('报表包'),
      description: title('报表包'),
      roles: [],
      contents: { forms: ['forms/kpi-test.json'], reports: ['reports/bundle-count.json'] },
    };
    const form = JSON.stringify({ key: 'kpi-test', name: title('测试'), schema: SCHEMA });
    const good = report('bundle-count', { measures: [{ key: 'n', op: 'count' }] });
    const imported = await as(admin).post('/api/bundles/import', {
      files: {
        'manifest.json': JSON.stringify(manifest),
        'forms/kpi-test.json': form,
        'reports/bundle-count.json': JSON.stringify(good),
      },
    });
    expect(imported.status).toBe(200);
    expect(imported.body.reports).toEqual([{ key: 'bundle-count', action: 'created', version: 1 }]);
    expect((await as(admin).get('/api/reports/bundle-count/data')).body.rows).toEqual([{ n: 6 }]);
    const again = await as(admin).post('/api/bundles/import', {
      files: {
        'manifest.json': JSON.stringify(manifest),
        'forms/kpi-test.json': form,
        'reports/bundle-count.json': JSON.stringify(good),
      },
    });
    expect(again.body.reports).toEqual([{ key: 'bundle-count', action: 'unchanged', version: 1 }]);
    const broken = await as(admin).post('/api/bundles/import', {
      files: {
        'manifest.json': JSON.stringify({ ...manifest, version: '1.0.1' }),
        'forms/kpi-test.json': form,
        'reports/bundle-count.json': JSON.stringify(
          report('bundle-count', { measures: [{ key: 'n', op: 'sum', field: 'nosuch' }] }),
        ),
      },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0].path).toBe('/reports/bundle-count.json#/dataset/measures/0/field');
    expect(broken.body.errors[0].message).toMatch(/^表单“kpi-test”没有可统计的字段“nosuch”；/);
  });

  it('should ship KPI definitions that run on the templates’ own forms and processes', async () => {
    for (const name of [
      'complaint-workorder',
      'onboarding-30day',
      'elder-archive',
      'care-quality',
      'kpi-reports',
    ]) {
      const imported = await as(admin).post('/api/bundles/import', { files: await bundleJson(name) });
      expect(imported.status).toBe(200);
    }
    // given one complaint about meals, answered after 30 minutes and resolved 2 hours later (test clock)
    const resident = (await as(admin).post('/api/residents', residentInput(units.wingA))).body.id as string;
    const started = await as(admin).post('/api/processes/complaint-workorder/instances', {
      variables: { complaintType: 'meals', urgency: 'normal' },
      residentId: resident,
    });
    expect(started.status).toBe(201);
    const complete = async (elementId: string, data: Record<string, unknown>) => {
      const tasks = await as(admin).get(`/api/tasks?processInstanceId=${started.body.id}`);
      const task = (tasks.body as { id: string; elementId: string; status: string }[]).find(
        (candidate) => candidate.elementId === elementId && candidate.status === 'open',
      );
      expect(task).toBeDefined();
      const done = await as(admin).post(`/api/tasks/${task!.id}/complete`, { data });
      expect({ status: done.status, body: done.status < 300 ? null : done.body }).toEqual({
        status: 200,
        body: null,
      });
    };
    expect((await as(admin).post('/api/test/clock', { advance: 'PT30M' })).status).toBeLessThan(300);
    await complete('firstResponse', { respondedAt: new Date().toISOString(), complainantReached: true });
    expect((await as(admin).post('/api/test/clock', { advance: 'PT2H' })).status).toBeLessThan(300);
    await complete('resolve', {
      resolvedAt: new Date().toISOString(),
      substantiated: 'partly',
      actionsTaken: '更换菜单并向家属说明',
      complainantInformed: true,
    });

    // then first response took 30 minutes, resolution 2.5 hours, and both SLA checkpoints were met (the resolve
    // step is due 3 working days after it opened)
    const first = await as(admin).get('/api/reports/first-response-time/data');
    expect(first.body.rows).toHaveLength(1);
    expect(first.body.rows[0].avg).toBeCloseTo(30, 0);
    expect(first.body.rows[0].p90).toBeCloseTo(30, 0);
    const resolution = await as(admin).get('/api/reports/resolution-time/data');
    expect(resolution.body.rows[0].avg).toBeCloseTo(2.5, 1);
    const sla = await as(admin).get('/api/reports/sla-compliance/data');
    expect(sla.body.summary.value).toBe(100);
    expect(sla.body.rows).toEqual([
      { onTime: 100, firstResponseOnTime: 100, resolutionOnTime: 100, checkpoints: 2 },
    ]);
    const drill = await as(admin).get(
      `/api/reports/first-response-time/drill?group=${encodeURIComponent(JSON.stringify({ month: first.body.rows[0].month }))}`,
    );
    expect(drill.body.items).toEqual([
      expect.objectContaining({ href: expect.stringMatching(/^\/tasks\//), residentId: resident }),
    ]);
    // and every report of the director dashboard runs, in English too
    const dashboard = await as(admin, 'en').get('/api/dashboards/director/data');
    expect(dashboard.status).toBe(200);
    for (const item of dashboard.body.items as { report: string; result: unknown; error?: string }[]) {
      expect({ report: item.report, error: item.error }).toEqual({ report: item.report, error: undefined });
      expect(item.result).not.toBeNull();
    }
    const mix = (
      dashboard.body.items as { report: string; result: { option: { series: { data: unknown }[] } } }[]
    ).find((item) => item.report === 'complaint-type-mix');
    expect(mix).toBeDefined();
  });
});
