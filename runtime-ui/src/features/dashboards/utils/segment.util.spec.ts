import { describe, expect, it } from '@jest/globals';
import type { ReportResult } from '@careloom/contracts';
import { distinctValues, rowGroup, segmentGroup } from './segment.util.js';

type Result = Pick<ReportResult, 'chart' | 'columns' | 'rows' | 'option'>;

const label = (text: string) => ({ 'zh-CN': text, en: text });

// complaints per month (x) split by type (series); the server formats the months as 2026-10 / 2026-11
const STACKED: Result = {
  chart: { type: 'bar', x: 'month', series: 'type', y: ['count'] },
  columns: [
    { key: 'month', label: label('月份'), kind: 'group' },
    { key: 'type', label: label('类型'), kind: 'group' },
    { key: 'count', label: label('数量'), kind: 'measure' },
  ],
  rows: [
    { month: '2026-10-01', type: '餐饮', count: 2 },
    { month: '2026-10-01', type: '护理', count: 1 },
    { month: '2026-11-01', type: '餐饮', count: 4 },
    { month: '2026-11-01', type: null, count: 1 },
  ],
  option: {
    xAxis: { type: 'category', data: ['2026-10', '2026-11'] },
    yAxis: { type: 'value' },
    series: [
      { type: 'bar', name: '餐饮', data: [2, 4] },
      { type: 'bar', name: '护理', data: [1, null] },
      { type: 'bar', name: '（空）', data: [null, 1] },
    ],
  },
};

describe(segmentGroup.name, () => {
  it('should map a bar to its category and series values, by position when the labels are formatted', () => {
    // when the user clicks the 护理 bar of October
    const group = segmentGroup(STACKED, {
      componentType: 'series',
      seriesIndex: 1,
      seriesName: '护理',
      name: '2026-10',
      dataIndex: 0,
    });

    // then the drill asks for the raw row values
    expect(group).toEqual({ month: '2026-10-01', type: '护理' });
  });

  it('should map the series of empty values back to null', () => {
    expect(
      segmentGroup(STACKED, {
        componentType: 'series',
        seriesIndex: 2,
        seriesName: '（空）',
        name: '2026-11',
        dataIndex: 1,
      }),
    ).toEqual({ month: '2026-11-01', type: null });
  });

  it('should keep numeric group values as numbers', () => {
    const byLevel: Result = {
      chart: { type: 'line', x: 'score', y: ['count'] },
      columns: [],
      rows: [
        { score: 1, count: 3 },
        { score: 5, count: 9 },
      ],
      option: {
        xAxis: { type: 'category', data: [{ value: '1' }, { value: '5' }] },
        series: [{ type: 'line' }],
      },
    };
    expect(
      segmentGroup(byLevel, { componentType: 'series', seriesIndex: 0, name: '5', dataIndex: 1 }),
    ).toEqual({
      score: 5,
    });
  });

  it('should read horizontal bars from the category y axis', () => {
    const horizontal: Result = {
      chart: { type: 'bar', x: 'reason', y: ['count'] },
      columns: [],
      rows: [
        { reason: '费用', count: 1 },
        { reason: '搬迁', count: 2 },
      ],
      option: { xAxis: { type: 'value' }, yAxis: { type: 'category', data: ['费用', '搬迁'] }, series: [{}] },
    };
    expect(
      segmentGroup(horizontal, { componentType: 'series', seriesIndex: 0, name: '搬迁', dataIndex: 1 }),
    ).toEqual({
      reason: '搬迁',
    });
  });

  it('should map a pie slice by its name', () => {
    const pie: Result = {
      chart: { type: 'pie', x: 'careLevel', y: ['count'] },
      columns: [],
      rows: [
        { careLevel: '一级护理', count: 3 },
        { careLevel: '二级护理', count: 5 },
      ],
      option: {
        series: [
          {
            type: 'pie',
            data: [
              { name: '一级护理', value: 3 },
              { name: '二级护理', value: 5 },
            ],
          },
        ],
      },
    };
    expect(
      segmentGroup(pie, { componentType: 'series', seriesIndex: 0, name: '二级护理', dataIndex: 1 }),
    ).toEqual({
      careLevel: '二级护理',
    });
  });

  it('should map a heat map cell through its axis indexes', () => {
    const heatmap: Result = {
      chart: { type: 'heatmap', x: 'weekday', series: 'hour', y: ['count'] },
      columns: [],
      rows: [
        { weekday: 'Mon', hour: 8, count: 1 },
        { weekday: 'Tue', hour: 8, count: 2 },
        { weekday: 'Mon', hour: 20, count: 3 },
      ],
      option: {
        xAxis: { type: 'category', data: ['Mon', 'Tue'] },
        yAxis: { type: 'category', data: ['8', '20'] },
        series: [
          {
            type: 'heatmap',
            data: [
              [0, 0, 1],
              [1, 0, 2],
              [0, 1, 3],
            ],
          },
        ],
      },
    };
    expect(
      segmentGroup(heatmap, { componentType: 'series', seriesIndex: 0, dataIndex: 2, value: [0, 1, 3] }),
    ).toEqual({
      weekday: 'Mon',
      hour: 20,
    });
  });

  it('should answer null for clicks that are not on a data segment or cannot be mapped', () => {
    // a legend/axis click, a table, and a label that neither matches nor lines up with the rows
    expect(segmentGroup(STACKED, { componentType: 'xAxis', name: '2026-10' })).toBeNull();
    expect(
      segmentGroup({ ...STACKED, chart: { type: 'table', y: ['count'] } }, { componentType: 'series' }),
    ).toBeNull();
    const misaligned = {
      ...STACKED,
      option: { ...STACKED.option, xAxis: { type: 'category', data: ['x'] } },
    };
    expect(
      segmentGroup(misaligned, {
        componentType: 'series',
        seriesIndex: 0,
        seriesName: '餐饮',
        name: 'x',
        dataIndex: 0,
      }),
    ).toBeNull();
  });

  it('should drill into everything when the chart has no group at all', () => {
    const total: Result = {
      chart: { type: 'bar', y: ['count'] },
      columns: [],
      rows: [{ count: 7 }],
      option: { xAxis: { type: 'category', data: ['合计'] }, series: [{}] },
    };
    expect(
      segmentGroup(total, { componentType: 'series', seriesIndex: 0, name: '合计', dataIndex: 0 }),
    ).toEqual({});
  });
});

describe(rowGroup.name, () => {
  it('should take the group columns of a table row and leave the measures out', () => {
    expect(rowGroup(STACKED, { month: '2026-11-01', type: null, count: 1 })).toEqual({
      month: '2026-11-01',
      type: null,
    });
  });
});

describe(distinctValues.name, () => {
  it('should list each value once, in row order, with missing values as null', () => {
    expect(distinctValues(STACKED.rows, 'type')).toEqual(['餐饮', '护理', null]);
    expect(distinctValues([{ a: 1 }, {}], 'a')).toEqual([1, null]);
  });
});
