import { describe, expect, it } from '@jest/globals';
import {
  addMonths,
  addToInstant,
  civilFromDays,
  daysFromCivil,
  formatDate,
  parseTemporal,
  zonedWallTime,
} from './date.util.js';

describe('date.util', () => {
  it('should round-trip calendar dates through day numbers when crossing eras and leap days', () => {
    for (const date of [
      { year: 1970, month: 1, day: 1 },
      { year: 2000, month: 2, day: 29 },
      { year: 1900, month: 3, day: 1 },
      { year: 1, month: 1, day: 1 },
      { year: 2100, month: 12, day: 31 },
    ]) {
      expect(civilFromDays(daysFromCivil(date))).toEqual(date);
    }
    expect(daysFromCivil({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(daysFromCivil({ year: 2026, month: 11, day: 25 })).toBe(Date.UTC(2026, 10, 25) / 86_400_000);
  });

  it('should parse dates and instants explicitly when given ISO strings', () => {
    expect(parseTemporal('2026-11-24', 'Asia/Shanghai')).toEqual({
      type: 'date',
      date: { year: 2026, month: 11, day: 24 },
    });
    expect(parseTemporal('2026-11-25T01:00:00+08:00', 'UTC')).toEqual({
      type: 'instant',
      epochMs: Date.UTC(2026, 10, 24, 17),
      hasOffset: true,
    });
    // no offset: a wall time in the zone
    expect(parseTemporal('2026-11-25T01:00', 'Asia/Shanghai')).toEqual({
      type: 'instant',
      epochMs: Date.UTC(2026, 10, 24, 17),
      hasOffset: false,
    });
    for (const bad of ['2026-02-30', '2026-13-01', '24/11/2026', '2026-11-24T25:00:00Z', 20261124, null]) {
      expect(parseTemporal(bad, 'UTC')).toBeUndefined();
    }
  });

  it('should keep the wall time when adding days across a DST change', () => {
    // 2026-03-08 02:00 America/New_York springs forward; 09:00 local stays 09:00 local
    const before = Date.UTC(2026, 2, 7, 14); // 09:00 EST
    const after = addToInstant(before, 1, 'days', 'America/New_York');
    expect(after - before).toBe(23 * 3_600_000);
    expect(zonedWallTime(after, 'America/New_York')).toMatchObject({ day: 8, hour: 9 });
    expect(addToInstant(before, 24, 'hours', 'America/New_York') - before).toBe(24 * 3_600_000);
  });

  it('should clamp and wrap years when adding negative months', () => {
    expect(formatDate(addMonths({ year: 2026, month: 1, day: 31 }, -2))).toBe('2025-11-30');
    expect(formatDate(addMonths({ year: 2026, month: 5, day: 15 }, 20))).toBe('2028-01-15');
  });
});
