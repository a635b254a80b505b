import { describe, expect, it } from '@jest/globals';
import { chartSummary, formatValue, localized, meetsTarget, trendOf } from './report-format.util.js';

describe(formatValue.name, () => {
  it('should round to one decimal and put the unit after the number', () => {
    expect(formatValue(33.333333, '%', 'en')).toBe('33.3%');
    expect(formatValue(4.46, 'h', 'zh-CN')).toBe('4.5 h');
    expect(formatValue(1234, undefined, 'en')).toBe('1,234');
  });

  it('should show a dash when there is no value', () => {
    expect(formatValue(null, '%', 'en')).toBe('—');
    expect(formatValue(Number.NaN, undefined, 'en')).toBe('—');
  });
});

describe(trendOf.name, () => {
  it('should call a rise good when higher is better (the default)', () => {
    expect(trendOf({ value: 90, previous: 80, target: null }, {})).toEqual({
      direction: 'up',
      good: true,
      delta: 10,
      percent: 12.5,
    });
  });

  it('should call a rise bad when lower is better', () => {
    expect(trendOf({ value: 6, previous: 4, target: 5 }, { higherIsBetter: false })).toMatchObject({
      direction: 'up',
      good: false,
      percent: 50,
    });
    expect(trendOf({ value: 3, previous: 4, target: 5 }, { higherIsBetter: false })).toMatchObject({
      direction: 'down',
      good: true,
    });
  });

  it('should be flat with no judgement when nothing changed, and have no percent after a zero', () => {
    expect(trendOf({ value: 5, previous: 5, target: null }, {})).toEqual({
      direction: 'flat',
      good: null,
      delta: 0,
      percent: 0,
    });
    expect(trendOf({ value: 5, previous: 0, target: null }, {})).toMatchObject({
      direction: 'up',
      percent: null,
    });
  });

  it('should have no trend when a value is missing', () => {
    expect(trendOf({ value: 5, previous: null, target: null }, {})).toBeNull();
    expect(trendOf({ value: null, previous: 3, target: null }, {})).toBeNull();
    expect(trendOf(undefined, {})).toBeNull();
  });
});

describe(meetsTarget.name, () => {
  it('should compare with the target in the direction that is better', () => {
    expect(meetsTarget(95, { target: 95 })).toBe(true);
    expect(meetsTarget(94.9, { target: 95 })).toBe(false);
    expect(meetsTarget(2, { target: 4, higherIsBetter: false })).toBe(true);
    expect(meetsTarget(2, {})).toBeNull();
    expect(meetsTarget(null, { target: 4 })).toBeNull();
  });
});

describe(chartSummary.name, () => {
  const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });
  const columns = [
    { key: 'type', label: label('类型', 'Type'), kind: 'group' as const },
    { key: 'count', label: label('数量', 'Count'), kind: 'measure' as const },
  ];

  it('should say each row with its group values and labelled measures', () => {
    const rows = [
      { type: '餐饮', count: 4 },
      { type: null, count: 1 },
    ];
    expect(chartSummary({ columns, rows, chart: { type: 'bar', y: ['count'] } }, 'zh-CN')).toBe(
      '餐饮: 数量 4；—: 数量 1',
    );
    expect(chartSummary({ columns, rows, chart: { type: 'bar', y: ['count'] } }, 'en')).toBe(
      '餐饮: Count 4; —: Count 1',
    );
  });

  it('should cut long results after twelve rows and say how many are left', () => {
    const rows = Array.from({ length: 15 }, (_, i) => ({ type: `t${i}`, count: i }));
    const summary = chartSummary({ columns, rows, chart: { type: 'bar', y: ['count'] } }, 'en');
    expect(summary.split('; ')).toHaveLength(13);
    expect(summary.endsWith('and 3 more')).toBe(true);
  });
});

describe(localized.name, () => {
  it('should pick the locale and fall back to Chinese', () => {
    expect(localized({ 'zh-CN': '投诉', en: 'Complaints' }, 'en')).toBe('Complaints');
    expect(localized({ 'zh-CN': '投诉', en: '' }, 'en')).toBe('投诉');
    expect(localized(undefined, 'en')).toBe('');
  });
});
