import { describe, expect, it } from '@jest/globals';
import type { ReportSpec } from '@careloom/contracts';
import { chartOption, numberSummary, reportColumns, reportNotes, withNotes } from './echarts-option.util.js';

const spec: ReportSpec = {
  schemaVersion: 1,
  key: 'mix',
  title: { 'zh-CN': '投诉构成', en: 'Complaint mix' },
  dataset: {
    source: { type: 'records', formKey: 'complaint-intake' },
    groupBy: [
      { key: 'month', by: 'time', field: 'createdAt', bucket: 'month' },
      { key: 'type', by: 'field', field: 'complaintType' },
    ],
    measures: [
      { key: 'n', op: 'count' },
      { key: 'p90', op: 'duration', from: 'a', to: 'b', unit: 'hours', aggregate: 'percentile', p: 0.9 },
    ],
  },
  chart: { type: 'bar', x: 'month', series: 'type', y: ['n'] },
};
const rows = [
  { month: '2026-01-01', type: 'meals', n: 2, p90: 1 },
  { month: '2026-01-01', type: 'care', n: 1, p90: 2 },
  { month: '2026-02-01', type: 'meals', n: 0, p90: null },
];
const labels = {
  complaintType: { 'zh-CN': '投诉类型', en: 'Type' },
  createdAt: { 'zh-CN': '填写时间', en: 'Filled in' },
};

describe(reportColumns.name, () => {
  it('should label groupings and measures from the fields when the spec names none', () => {
    expect(reportColumns(spec, labels)).toEqual([
      { key: 'month', kind: 'group', label: { 'zh-CN': '填写时间（月）', en: 'Filled in (month)' } },
      { key: 'type', kind: 'group', label: { 'zh-CN': '投诉类型', en: 'Type' } },
      { key: 'n', kind: 'measure', label: { 'zh-CN': '数量', en: 'Count' } },
      {
        key: 'p90',
        kind: 'measure',
        label: { 'zh-CN': '第90百分位时长：a→b（小时）', en: 'P90 time a → b (hours)' },
      },
    ]);
  });
});

describe(chartOption.name, () => {
  const columns = reportColumns(spec, labels);

  it('should give one series per series value aligned on the categories, with missing cells null', () => {
    const option = chartOption(spec.title, spec.chart, columns, rows, 'zh-CN', {
      type: { meals: { 'zh-CN': '餐饮', en: 'Meals' } },
    });
    expect(option).toMatchObject({
      title: { text: '投诉构成' },
      xAxis: { type: 'category', data: ['2026-01-01', '2026-02-01'] },
      series: [
        { name: '餐饮', type: 'bar', data: [2, 0] },
        { name: 'care', type: 'bar', data: [1, null] },
      ],
    });
  });

  it('should build a pie, a heat map with its visual map, and nothing for tables', () => {
    const pie = chartOption(
      spec.title,
      { type: 'pie', x: 'type', y: ['n'] },
      columns,
      rows.slice(0, 2),
      'en',
    );
    expect(pie).toMatchObject({
      series: [
        {
          type: 'pie',
          name: 'Count',
          data: [
            { name: 'meals', value: 2 },
            { name: 'care', value: 1 },
          ],
        },
      ],
    });
    const heat = chartOption(
      spec.title,
      { type: 'heatmap', x: 'month', series: 'type', y: ['n'] },
      columns,
      rows,
      'en',
    );
    expect(heat).toMatchObject({
      xAxis: { data: ['2026-01-01', '2026-02-01'] },
      yAxis: { data: ['meals', 'care'] },
      visualMap: { min: 0, max: 2 },
      series: [
        {
          type: 'heatmap',
          data: [
            [0, 0, 2],
            [0, 1, 1],
            [1, 0, 0],
          ],
        },
      ],
    });
    expect(chartOption(spec.title, { type: 'table', y: ['n'] }, columns, rows, 'en')).toEqual({});
  });

  it('should keep axis ticks whole for counts and free for averages', () => {
    const columns = reportColumns(spec, labels);
    const counts = chartOption(spec.title, spec.chart, columns, rows, 'en');
    const hours = chartOption(
      spec.title,
      { ...spec.chart, y: ['p90'] },
      columns,
      [...rows, { month: '2026-02-01', type: 'care', n: 1, p90: 2.5 }],
      'en',
    );
    expect(counts['yAxis']).toMatchObject({ type: 'value', minInterval: 1 });
    expect(hours['yAxis']).not.toHaveProperty('minInterval');
  });

  it('should label an empty group value instead of printing null', () => {
    const option = chartOption(
      spec.title,
      { type: 'pie', x: 'type', y: ['n'] },
      columns,
      [{ type: null, n: 3 }],
      'zh-CN',
    );
    expect(option).toMatchObject({ series: [{ data: [{ name: '（未填）', value: 3 }] }] });
  });
});

describe(numberSummary.name, () => {
  it('should compare with the previous period when it was computed, else with the bucket before', () => {
    const chart = { type: 'number' as const, y: ['n'], target: 5 };
    expect(numberSummary(chart, [{ n: 4 }], [{ n: 3 }])).toEqual({ value: 4, previous: 3, target: 5 });
    expect(numberSummary(chart, [{ n: 4 }], null)).toEqual({ value: 4, previous: null, target: 5 });
    expect(
      numberSummary(
        chart,
        [
          { m: '1', n: 2 },
          { m: '2', n: 6 },
        ],
        null,
      ),
    ).toEqual({ value: 6, previous: 2, target: 5 });
    expect(numberSummary({ type: 'number', y: ['n'] }, [], null)).toEqual({
      value: null,
      previous: null,
      target: null,
    });
  });
});

describe(reportNotes.name, () => {
  const occupancy: ReportSpec = {
    ...spec,
    dataset: {
      source: { type: 'residents' },
      groupBy: [{ key: 'month', by: 'time', field: 'admittedAt', bucket: 'month' }],
      measures: [{ key: 'occ', op: 'occupancy' }],
    },
    chart: { type: 'line', x: 'month', y: ['occ'] },
  };

  it('should explain an occupancy without beds in the caller’s language and put it on the chart', () => {
    const empty = [{ month: '2026-01-01', occ: null }];
    const [zh] = reportNotes(occupancy, empty, 'zh-CN');
    expect(zh).toContain('床位数');
    expect(reportNotes(occupancy, empty, 'en')[0]).toContain('No bed count');
    const option = withNotes({ title: { text: '入住率' }, series: [] }, [zh!]);
    expect(option.title).toEqual({ text: '入住率', subtext: zh });
    expect(option.graphic).toEqual([expect.objectContaining({ type: 'text' })]);
  });

  it('should say nothing when a figure exists or the report has no occupancy', () => {
    expect(reportNotes(occupancy, [{ month: '2026-01-01', occ: 0 }], 'zh-CN')).toEqual([]);
    expect(reportNotes(spec, rows, 'zh-CN')).toEqual([]);
    expect(withNotes({}, ['x'])).toEqual({});
  });
});
