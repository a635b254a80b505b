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
