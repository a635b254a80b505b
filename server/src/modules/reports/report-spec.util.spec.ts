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
