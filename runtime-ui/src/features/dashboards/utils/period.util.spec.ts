import { describe, expect, it } from '@jest/globals';
import { addDays, isDate, isMonth, monthOf, periodToRange } from './period.util.js';

describe(periodToRange.name, () => {
  it('should turn a month into the half-open range from its first day to the next month', () => {
    expect(periodToRange({ kind: 'month', month: '2026-11' })).toEqual({
      from: '2026-11-01',
      to: '2026-12-01',
    });
    expect(periodToRange({ kind: 'month', month: '2026-02' })).toEqual({
      from: '2026-02-01',
      to: '2026-03-01',
    });
  });

  it('should roll December over into January of the next year', () => {
    expect(periodToRange({ kind: 'month', month: '2026-12' })).toEqual({
      from: '2026-12-01',
      to: '2027-01-01',
    });
  });

  it('should make an inclusive date range end the day after its last day', () => {
    expect(periodToRange({ kind: 'range', from: '2026-02-20', to: '2026-02-28' })).toEqual({
      from: '2026-02-20',
      to: '2026-03-01',
    });
    expect(periodToRange({ kind: 'range', from: '2028-02-29', to: '2028-02-29' })).toEqual({
      from: '2028-02-29',
      to: '2028-03-01',
    });
  });
});

describe(monthOf.name, () => {
  it('should name the month of a local date', () => {
    expect(monthOf(new Date(2026, 0, 31, 23, 59))).toBe('2026-01');
    expect(monthOf(new Date(2026, 11, 1))).toBe('2026-12');
  });
});

describe(isDate.name, () => {
  it('should accept real calendar dates only', () => {
    expect(isDate('2026-11-30')).toBe(true);
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2026-13-01')).toBe(false);
    expect(isDate('2026-1-01')).toBe(false);
    expect(isDate('yesterday')).toBe(false);
  });
});

describe(isMonth.name, () => {
  it('should accept YYYY-MM with a month from 01 to 12', () => {
    expect(isMonth('2026-01')).toBe(true);
    expect(isMonth('2026-12')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-00')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
  });
});

describe(addDays.name, () => {
  it('should cross month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
