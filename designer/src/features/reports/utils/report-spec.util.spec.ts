import { describe, expect, it } from '@jest/globals';
import type { ReportField } from './report-fields.util.js';
import {
  changeChartType,
  changeMeasureOp,
  changeSource,
  columnKey,
  emptyReport,
  parseSpecText,
  problemAt,
  renameKey,
  setGroups,
  setMeasures,
  specProblems,
} from './report-spec.util.js';
import type { ReportSpec } from './report.types.js';

const FIELDS: ReportField[] = [
  { path: 'complaintType', label: { 'zh-CN': '投诉类型', en: 'Type' }, type: 'text' },
  { path: 'score', label: { 'zh-CN': '评分', en: 'Score' }, type: 'number' },
  { path: 'createdAt', label: { 'zh-CN': '填写时间', en: 'Filled in' }, type: 'time' },
  { path: 'closedAt', label: { 'zh-CN': '办结时间', en: 'Closed' }, type: 'time' },
];

const report = (): ReportSpec => ({
  ...emptyReport('complaint-mix', { 'zh-CN': '投诉类型分布', en: 'Complaint mix' }),
  dataset: {
    source: { type: 'records', formKey: 'complaint-intake' },
    groupBy: [{ key: 'complaintType', by: 'field', field: 'complaintType' }],
    measures: [{ key: 'count', op: 'count' }],
  },
  chart: { type: 'bar', x: 'complaintType', y: ['count'] },
});

describe('report-spec.util', () => {
  it('should make column keys the server accepts when given field paths', () => {
    expect(columnKey('section.field', [])).toBe('section_field');
    expect(columnKey('投诉', [])).toBe('col');
    expect(columnKey('count', ['count', 'count2'])).toBe('count3');
  });

  it('should carry a renamed key into the chart and the order when a row key changes', () => {
    // given a bar chart ordered by its measure
    const spec = { ...report(), dataset: { ...report().dataset, orderBy: ['-count'] } };

    // when the measure key is renamed
    const renamed = renameKey(spec, 'count', 'complaints');

    // then
    expect(renamed.chart.y).toEqual(['complaints']);
    expect(renamed.dataset.orderBy).toEqual(['-complaints']);
    expect(renamed.dataset.measures[0]?.key).toBe('complaints');
  });

  it('should fit the chart when groupings and measures are removed', () => {
    const spec = setGroups(report(), []);
    expect(spec.chart.x).toBeUndefined();
    const noMeasures = setMeasures(spec, [{ key: 'avg_score', op: 'avg', field: 'score' }]);
    expect(noMeasures.chart.y).toEqual(['avg_score']);
  });

  it('should keep one measure and pick x when the chart becomes a pie', () => {
    // given a table of two measures and a grouping
    const spec = setMeasures(changeChartType(report(), 'table'), [
      { key: 'count', op: 'count' },
      { key: 'avg_score', op: 'avg', field: 'score' },
    ]);
    const table = { ...spec, chart: { type: 'table' as const, y: ['count', 'avg_score'] } };

    // when
    const pie = changeChartType(table, 'pie');

    // then
    expect(pie.chart).toEqual({ type: 'pie', x: 'complaintType', y: ['count'] });
  });

  it('should give each measure operation its settings and keep the field when it fits', () => {
    const avg = changeMeasureOp({ key: 'm', op: 'sum', field: 'score' }, 'avg', FIELDS);
    expect(avg).toEqual({ key: 'm', op: 'avg', field: 'score' });
    expect(changeMeasureOp({ key: '', op: 'count' }, 'percentile', FIELDS)).toEqual({
      key: 'percentile_score',
      op: 'percentile',
      field: 'score',
      p: 0.9,
    });
    expect(changeMeasureOp({ key: 'd', op: 'count' }, 'duration', FIELDS)).toMatchObject({
      op: 'duration',
      from: 'createdAt',
      to: 'closedAt',
      unit: 'hours',
      aggregate: 'avg',
    });
    expect(changeMeasureOp({ key: 'r', op: 'count' }, 'ratio', FIELDS)).toEqual({
      key: 'r',
      op: 'ratio',
      scale: 100,
    });
    expect(changeMeasureOp({ key: 'x', op: 'count' }, 'future-op', FIELDS)).toEqual({
      key: 'x',
      op: 'future-op',
    });
  });

  it('should drop field rows and the filter when the source changes to another form', () => {
    const spec = { ...report(), dataset: { ...report().dataset, filter: { '==': [{ var: 'score' }, 1] } } };
    const changed = changeSource(spec, { type: 'residents' });
    expect(changed.dataset.groupBy).toEqual([]);
    expect(changed.dataset.filter).toBeUndefined();
    expect(changed.dataset.measures).toEqual([{ key: 'count', op: 'count' }]);
    expect(changeSource(spec, { type: 'records', formKey: 'complaint-intake' }).dataset.groupBy).toHaveLength(
      1,
    );
  });

  it('should map preview pointers onto the spec and find a row’s problems', () => {
    const problems = specProblems([
      { path: '/report/dataset/measures/0/p', message: 'p must be between 0 and 1' },
    ]);
    expect(problems[0]?.path).toBe('/dataset/measures/0/p');
    expect(problemAt(problems, '/dataset/measures/0', true)).toBe('p must be between 0 and 1');
    expect(problemAt(problems, '/dataset/measures/1', true)).toBeUndefined();
  });

  it('should accept JSON with unknown operations and refuse broken shapes or another key', () => {
    const spec = report();
    const unknown = {
      ...spec,
      dataset: { ...spec.dataset, measures: [{ key: 'x', op: 'future-op', extra: 1 }] },
    };
    const parsed = parseSpecText(JSON.stringify(unknown), 'complaint-mix');
    expect('spec' in parsed && parsed.spec.dataset.measures[0]).toEqual({
      key: 'x',
      op: 'future-op',
      extra: 1,
    });
    expect(parseSpecText('{', 'complaint-mix')).toMatchObject({ error: 'json' });
    expect(parseSpecText(JSON.stringify({ ...spec, chart: { type: 'bar' } }), 'complaint-mix')).toEqual({
      error: 'shape',
      detail: '/chart/y',
    });
    expect(parseSpecText(JSON.stringify(spec), 'other')).toEqual({ error: 'key', detail: 'other' });
  });
});
