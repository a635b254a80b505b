import { describe, expect, it } from '@jest/globals';
import { readCalendarYear, readCalendarYears } from './calendar-input.util.js';

describe(readCalendarYears.name, () => {
  it('should read years and sort their dates', () => {
    const read = readCalendarYears(
      { '2027': { holidays: ['2027-10-02', '2027-10-01'], workdays: [], source: 'notice' } },
      '/years',
    );
    expect(read).toEqual({
      years: {
        '2027': {
          holidays: ['2027-10-01', '2027-10-02'],
          workdays: [],
          provisional: false,
          source: 'notice',
        },
      },
      errors: [],
    });
  });

  it('should point at every malformed part', () => {
    const read = readCalendarYears({ next: {}, '2027': { holidays: 'x', workdays: [], extra: 1 } }, '/years');
    expect(read.errors.map((error) => error.path)).toEqual([
      '/years/2027/extra',
      '/years/2027/holidays',
      '/years/2027/source',
      '/years/next',
    ]);
    expect(readCalendarYear([], '').errors).toHaveLength(1);
  });
});

/** At least one CJK character: the problem is worded in Chinese. */
const CHINESE = /[\u4e00-\u9fff]/;

describe(`${readCalendarYears.name} in Chinese`, () => {
  it('should word each problem in Chinese alongside the unchanged English', () => {
    const read = readCalendarYears({ next: {}, '2027': { holidays: 'x', workdays: [], extra: 1 } }, '/years');
    expect(read.errors).toEqual([
      {
        path: '/years/2027/extra',
        message: 'unknown property extra: a year has holidays, workdays, source and provisional',
        zh: '不认识的属性 extra，请去掉它：每一年只有 holidays、workdays、source 和 provisional',
      },
      {
        path: '/years/2027/holidays',
        message: 'holidays must be a list of dates (YYYY-MM-DD)',
        zh: 'holidays 须为日期列表（YYYY-MM-DD）',
      },
      {
        path: '/years/2027/source',
        message:
          'source must say where the dates come from (e.g. the State Council notice and its date), up to 4000 characters',
        zh: 'source 须说明这些日期的来源（例如国务院办公厅的通知及其发布日期），最多 4000 个字符',
      },
      {
        path: '/years/next',
        message: '"next" is not a four-digit year',
        zh: '“next”不是四位数的年份；请用年份作键，例如 "2027"',
      },
    ]);
  });

  it('should give every problem of broken years a Chinese wording', () => {
    const errors = [
      ...readCalendarYears([], '/years').errors,
      ...readCalendarYears(null, '/years').errors,
      ...readCalendarYears(
        {
          '27': { holidays: [], workdays: [], source: 'x' },
          '2027': 'notice',
          '2028': { holidays: [1], workdays: 'none', source: ' ', provisional: 'yes', note: 'x' },
          '2029': { holidays: [], workdays: [], source: 'x'.repeat(4001) },
        },
        '/years',
      ).errors,
      ...readCalendarYear(null, '').errors,
    ];
    expect(new Set(errors.map((error) => error.path.split('/').pop())).size).toBeGreaterThan(6);
    for (const error of errors) {
      expect({ ...error, zh: CHINESE.test(error.zh ?? '') ? 'ok' : error.zh }).toEqual({
        ...error,
        zh: 'ok',
      });
    }
  });
});
