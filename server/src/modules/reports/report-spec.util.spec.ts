import { describe, expect, it } from '@jest/globals';
import { checkDashboardSpec, checkReportSpec } from './report-spec.util.js';

const valid = {
  schemaVersion: 1,
  key: 'csat',
  title: { 'zh-CN': '满意度', en: 'CSAT' },
  dataset: {
    source: { type: 'records', formKey: 'complaint-callback' },
    groupBy: [{ key: 'month', by: 'time', field: 'calledAt', bucket: 'month' }],
    measures: [{ key: 'csat', op: 'avg', field: 'satisfactionScore' }],
  },
  chart: { type: 'line', x: 'month', y: ['csat'] },
};

describe(checkReportSpec.name, () => {
  it('should accept a well-formed report', () => {
    expect(checkReportSpec(valid)).toEqual([]);
  });

  it('should point at every structural problem when the report is wrong', () => {
    // given hostile field paths, a duplicate key, a bad percentile, a typo and a chart naming nothing
    const errors = checkReportSpec({
      ...valid,
      extra: true,
      dataset: {
        source: { type: 'records' },
        groupBy: [{ key: 'month', by: 'field', field: 'a"; drop table record; --' }],
        measures: [
          { key: 'month', op: 'count' },
          { key: 'p', op: 'percentile', field: 'constructor', p: 1 },
          { key: 'r', op: 'ratio' },
        ],
      },
      chart: { type: 'pie', y: ['nope'] },
    });
    expect(errors.map((e) => e.path)).toEqual([
      '/extra',
      '/dataset/source/formKey',
      '/dataset/groupBy/0/field',
      '/dataset/measures/0/key',
      '/dataset/measures/1/field',
      '/dataset/measures/1/p',
      '/dataset/measures/2/numerator',
      '/chart/y/0',
      '/chart/x',
    ]);
  });
});

describe(`${checkReportSpec.name} rates and activity`, () => {
  it('should accept the rate measures and the activity source', () => {
    const rates = {
      ...valid,
      dataset: {
        ...valid.dataset,
        measures: [
          { key: 'per100', op: 'per-residents', scale: 100 },
          { key: 'per1000', op: 'per-resident-days', numerator: { '==': [{ var: 'x' }, 1] } },
          { key: 'occupancy', op: 'occupancy' },
        ],
      },
      chart: { type: 'line', x: 'month', y: ['per100'] },
    };
    expect(checkReportSpec(rates)).toEqual([]);
    const activity = {
      ...valid,
      dataset: {
        source: { type: 'activity', role: 'family' },
        groupBy: [{ key: 'month', by: 'time', field: 'day', bucket: 'month' }],
        measures: [{ key: 'users', op: 'count-distinct', field: 'userId' }],
      },
      chart: { type: 'bar', x: 'month', y: ['users'] },
    };
    expect(checkReportSpec(activity)).toEqual([]);
  });

  it('should point at unknown ops, bad scales, stray parameters and a bad role', () => {
    const errors = checkReportSpec({
      ...valid,
      dataset: {
        source: { type: 'activity', role: 'Family!', formKey: 'x' },
        groupBy: [],
        measures: [
          { key: 'a', op: 'per-bed' },
          { key: 'b', op: 'per-residents', scale: -1 },
          { key: 'c', op: 'occupancy', numerator: true },
          { key: 'd', op: 'per-resident-days', field: 'x' },
        ],
      },
      chart: { type: 'table', y: ['b'] },
    });
    expect(errors.map((e) => e.path)).toEqual([
      '/dataset/source/formKey',
      '/dataset/source/role',
      '/dataset/measures/0/op',
      '/dataset/measures/1/scale',
      '/dataset/measures/2/numerator',
      '/dataset/measures/3/field',
    ]);
  });
});

describe(checkDashboardSpec.name, () => {
  it('should keep items inside the 12-column grid and filters known', () => {
    const errors = checkDashboardSpec({
      schemaVersion: 1,
      key: 'director',
      title: { 'zh-CN': '院长看板', en: 'Director' },
      filters: ['period', 'weather'],
      items: [
        { report: 'csat', x: 0, y: 0, w: 6, h: 2 },
        { report: 'nps', x: 8, y: 0, w: 6, h: 2 },
      ],
    });
    expect(errors.map((e) => e.path)).toEqual(['/filters/1', '/items/1/w']);
  });
});

/** At least one CJK character: the problem is worded in Chinese. */
const CHINESE = /[\u4e00-\u9fff]/;

describe(`${checkReportSpec.name} in Chinese`, () => {
  it('should word each problem in Chinese alongside the unchanged English', () => {
    // given a typo, an unknown op, a filter with an unknown operation and a pie chart showing two measures
    const errors = checkReportSpec({
      ...valid,
      extra: true,
      dataset: {
        source: { type: 'records', formKey: 'complaint-callback' },
        filter: { frobnicate: [1] },
        groupBy: [{ key: 'type', by: 'field', field: 'type' }],
        measures: [
          { key: 'a', op: 'per-bed' },
          { key: 'b', op: 'count' },
        ],
      },
      chart: { type: 'pie', x: 'type', y: ['nope', 'b'] },
    });

    // then each has its English message and a Chinese one keeping the technical tokens
    expect(errors).toEqual([
      {
        path: '/extra',
        message:
          'unknown property "extra"; allowed here: schemaVersion, key, title, description, dataset, chart',
        zh: '不认识的属性“extra”，请去掉或改正；这里只能用：schemaVersion、key、title、description、dataset、chart',
      },
      {
        path: '/dataset/filter',
        message: 'Unknown operation "frobnicate"',
        zh: '未知的运算 "frobnicate"',
      },
      {
        path: '/dataset/measures/0/op',
        message: expect.stringMatching(/^must be one of: count, count-distinct, sum, /),
        zh: expect.stringMatching(/^须为以下之一：count、count-distinct、sum、/),
      },
      {
        path: '/chart/y/0',
        message: 'must name a measure key: a, b',
        zh: '须为某个指标的 key：a、b',
      },
      {
        path: '/chart/y',
        message: 'a pie chart shows exactly one measure',
        zh: '饼图只显示一个指标；y 须恰好列出一个',
      },
    ]);
    expect(
      checkDashboardSpec({
        ...valid,
        schemaVersion: 1,
        filters: [],
        items: [{ report: 'csat', x: 0, y: 0, w: 6, h: 30 }],
      }),
    ).toContainEqual({
      path: '/items/0/h',
      message: 'h must be a whole number from 1 to 24',
      zh: 'h 须为 1 到 24 的整数',
    });
  });

  it('should give every problem of broken reports and dashboards a Chinese wording', () => {
    // given broken specs covering every check
    const chartOf = (chart: Record<string, unknown>, measures = [{ key: 'n', op: 'count' }]) => ({
      ...valid,
      dataset: {
        source: { type: 'tasks' },
        groupBy: [
          { key: 'status', by: 'field', field: 'status' },
          { key: 'day', by: 'time', field: 'createdAt', bucket: 'day' },
        ],
        measures,
      },
      chart,
    });
    const two = [
      { key: 'n', op: 'count' },
      { key: 'm', op: 'count' },
    ];
    const reports: unknown[] = [
      null,
      [],
      {
        schemaVersion: 2,
        key: 'Bad Key',
        title: 'x',
        description: { 'zh-CN': '', en: 'x', fr: 'y' },
        dataset: 1,
        chart: 'bar',
      },
      {
        ...valid,
        title: { 'zh-CN': '标题', en: 'Title', de: 'Titel' },
        dataset: {
          source: 'records',
          groupBy: 'month',
          measures: [],
          orderBy: 'n',
          limit: 0,
          having: true,
        },
        chart: {
          type: 'donut',
          x: 1,
          series: 'x',
          y: [],
          target: 'high',
          higherIsBetter: 'yes',
          unit: 'percentage points',
        },
      },
      {
        ...valid,
        dataset: {
          source: { type: 'records', formKey: 'Bad Key', processKey: 'p' },
          groupBy: [
            'month',
            { key: '1st', by: 'field', field: 'a b', label: 'x' },
            { key: 'w', by: 'weather' },
          ],
          measures: [
            'n',
            { key: 'a', op: 'per-residents', scale: 0, numerator: { frobnicate: [] } },
            { key: 'b', op: 'per-resident-days', scale: -1 },
            { key: 'c', op: 'occupancy', scale: 'x', numerator: true },
            { key: 'd', op: 'ratio', scale: 0 },
            { key: 'e', op: 'ratio', numerator: { '==': [{ var: 'x' }] }, denominator: { frobnicate: [] } },
            { key: 'f', op: 'duration', from: 'x', to: '__proto__', unit: 'weeks', aggregate: 'avg', p: 0.5 },
            { key: 'g', op: 'duration', from: 'x', to: 'y', unit: 'hours', aggregate: 'percentile', p: 2 },
            { key: 'h', op: 'duration', from: 'x', to: 'y', unit: 'hours', aggregate: 'mode' },
            { key: 'i', op: 'percentile', field: 'constructor' },
            { key: 'j', op: 'sum', field: 'x', p: 0.5 },
          ],
          orderBy: ['-nope', 3],
        },
        chart: { type: 'table', y: ['nope'] },
      },
      {
        ...valid,
        dataset: {
          source: { type: 'activity', role: 'Family!' },
          groupBy: new Array(4).fill({}),
          measures: {},
        },
      },
      { ...valid, dataset: { ...valid.dataset, source: { type: 'tasks', processKey: 5 } } },
      { ...valid, dataset: { ...valid.dataset, source: { type: 'nursing' } } },
      {
        ...valid,
        dataset: {
          ...valid.dataset,
          source: { type: 'residents', formKey: 'x' },
          groupBy: [
            { key: 't1', by: 'time', field: 'admittedAt', bucket: 'year' },
            { key: 't1', by: 'org-unit', field: 'x' },
            { key: 't2', by: 'time', field: 'createdAt', bucket: 'month', extra: 1 },
          ],
        },
      },
      chartOf({ type: 'bar', series: 'status', y: two }, two),
      chartOf({ type: 'line', x: 'status', series: 'status', y: ['n', 'm'] }, two),
      chartOf({ type: 'pie', y: ['n', 'm'] }, two),
      chartOf({ type: 'heatmap', x: 'status', y: ['n', 'm'] }, two),
      chartOf({ type: 'number', y: ['n', 'm'] }, two),
      {
        ...chartOf({ type: 'table', y: ['n'] }),
        dataset: { ...chartOf({}).dataset, groupBy: [], limit: 1.5 },
      },
      {
        ...chartOf({ type: 'bar', x: 'status', y: ['n'] }),
        dataset: { ...chartOf({}).dataset, orderBy: new Array(30).fill('n') },
      },
    ];
    const dashboards: unknown[] = [
      'dashboard',
      {
        schemaVersion: 0,
        key: 'x',
        title: { 'zh-CN': '看板' },
        filters: ['period', 'period'],
        items: [],
      },
      { schemaVersion: 1, key: 'board', title: valid.title, filters: 'period', items: {} },
      {
        schemaVersion: 1,
        key: 'board',
        title: valid.title,
        filters: ['weather'],
        items: [
          7,
          { report: 'Bad Key', x: -1, y: 2000, w: 13, h: 0, z: 1 },
          { report: 'csat', x: 8, y: 0, w: 6, h: 2 },
        ],
        layout: 'grid',
      },
    ];

    // when they are checked
    const errors = [...reports.flatMap(checkReportSpec), ...dashboards.flatMap(checkDashboardSpec)];

    // then every problem (many kinds of them) is worded in Chinese
    expect(new Set(errors.map((e) => e.message.replace(/"[^"]*"|\d+/g, ''))).size).toBeGreaterThan(45);
    for (const error of errors) {
      expect({ ...error, zh: CHINESE.test(error.zh ?? '') ? 'ok' : error.zh }).toEqual({
        ...error,
        zh: 'ok',
      });
    }
  });
});
