import { describe, expect, it } from '@jest/globals';
import { calendarDateOf, dateFieldOccurrences, parseLocalTime, parsePeriod } from './rule-schedule.util.js';

const SHANGHAI = 'Asia/Shanghai';
const iso = (ms: number) => new Date(ms).toISOString();

describe(parsePeriod.name, () => {
  it('should read whole years, months, weeks and days', () => {
    expect(parsePeriod('P6M')).toEqual({ years: 0, months: 6, days: 0 });
    expect(parsePeriod('P1Y2M3W4D')).toEqual({ years: 1, months: 2, days: 25 });
  });

  it.each(['P', 'P0D', 'PT1H', '6M', 'P1.5M', 'P-1D'])('should refuse %j', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe(parseLocalTime.name, () => {
  it('should read HH:MM and refuse anything else', () => {
    expect(parseLocalTime('09:00')).toEqual({ hour: 9, minute: 0 });
    expect(parseLocalTime('23:59')).toEqual({ hour: 23, minute: 59 });
    for (const bad of ['24:00', '9:00', '09:60', '09:00:00']) {
      expect(parseLocalTime(bad)).toBeNull();
    }
  });
});

describe(calendarDateOf.name, () => {
  it('should take a date as it is and an instant as its local date in the zone', () => {
    expect(calendarDateOf('2035-03-01', SHANGHAI)).toEqual({ year: 2035, month: 3, day: 1 });
    // 20:00Z on 1 March is already 2 March in Shanghai
    expect(calendarDateOf('2035-03-01T20:00:00Z', SHANGHAI)).toEqual({ year: 2035, month: 3, day: 2 });
    expect(calendarDateOf('not a date', SHANGHAI)).toBeNull();
    expect(calendarDateOf(20350301, SHANGHAI)).toBeNull();
  });
});

describe(dateFieldOccurrences.name, () => {
  it('should give the day 3, 7, 15 and 30 follow-ups at 09:00 local time', () => {
    const found = dateFieldOccurrences(
      { offsetsDays: [30, 3, 7, 15] },
      '2035-03-01',
      SHANGHAI,
      Date.parse('2035-03-01T00:00:00Z'),
    );
    expect(found.map((o) => [iso(o.dueAt), o.offsetDays])).toEqual([
      ['2035-03-04T01:00:00.000Z', 3],
      ['2035-03-08T01:00:00.000Z', 7],
      ['2035-03-16T01:00:00.000Z', 15],
      ['2035-03-31T01:00:00.000Z', 30],
    ]);
  });

  it('should leave out offsets already past and use the given local time', () => {
    const found = dateFieldOccurrences(
      { offsetsDays: [3, 7], at: '14:30' },
      '2035-03-01',
      SHANGHAI,
      Date.parse('2035-03-05T00:00:00Z'),
    );
    expect(found.map((o) => iso(o.dueAt))).toEqual(['2035-03-08T06:30:00.000Z']);
  });

  it('should give the next repetition of every after now, clamped at the end of the month', () => {
    const [next] = dateFieldOccurrences(
      { every: 'P6M' },
      '2034-08-31',
      SHANGHAI,
      Date.parse('2035-01-01T00:00:00Z'),
    );
    expect(next).toEqual({ dueAt: Date.parse('2035-02-28T01:00:00Z'), offsetDays: null, repetition: 1 });
    const [later] = dateFieldOccurrences(
      { every: 'P6M' },
      '2034-08-31',
      SHANGHAI,
      Date.parse('2035-03-01T00:00:00Z'),
    );
    expect(later).toEqual({ dueAt: Date.parse('2035-08-31T01:00:00Z'), offsetDays: null, repetition: 2 });
  });

  it('should allow days before the date and nothing for a value that is not a date', () => {
    const [before] = dateFieldOccurrences({ offsetsDays: [-1] }, '2035-03-01', 'UTC', 0);
    expect(iso(before!.dueAt)).toBe('2035-02-28T09:00:00.000Z');
    expect(dateFieldOccurrences({ offsetsDays: [3] }, null, SHANGHAI, 0)).toEqual([]);
  });
});
