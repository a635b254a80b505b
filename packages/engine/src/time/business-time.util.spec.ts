import { describe, expect, it } from '@jest/globals';
import cnMainland from './calendars/cn-mainland.json' with { type: 'json' };
import {
  addBusinessTime,
  isWorkingDay,
  parseBusinessDuration,
  STANDARD_HOURS,
  type BusinessCalendar,
} from './business-time.util.js';

const home: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  weekdays: [1, 2, 3, 4, 5],
  hours: STANDARD_HOURS,
  holidays: cnMainland.holidays,
  workdays: cnMainland.workdays,
};

describe(isWorkingDay.name, () => {
  it('should follow weekends, statutory holidays and make-up workdays', () => {
    expect(isWorkingDay('2026-11-27', home)).toBe(true); // Friday
    expect(isWorkingDay('2026-11-28', home)).toBe(false); // Saturday
    expect(isWorkingDay('2026-10-01', home)).toBe(false); // National Day, a Thursday
    expect(isWorkingDay('2026-10-10', home)).toBe(true); // make-up Saturday
    expect(isWorkingDay('2026-02-14', home)).toBe(true); // make-up Saturday before Spring Festival
    expect(isWorkingDay('2026-10-10', { ...home, alwaysOpen: true })).toBe(true);
  });
});

describe(addBusinessTime.name, () => {
  it('should skip a weekend when adding working days', () => {
    // Friday 2026-11-27 10:00 Beijing time + 1 working day → Monday 10:00
    expect(addBusinessTime('2026-11-27T02:00:00Z', { days: 1 }, home)).toBe('2026-11-30T02:00:00.000Z');
  });

  it('should put a complaint filed on the eve of National Day due on the make-up Saturday', () => {
    // given a complaint filed Wednesday 2026-09-30 at 16:00 with an SLA of 3 working days
    // when the deadline is computed: Oct 1–7 are off, Oct 8 and 9 are days 1 and 2, Sat Oct 10 is worked
    const due = addBusinessTime('2026-09-30T08:00:00Z', { days: 3 }, home);
    // then it is Saturday 2026-10-10 16:00 Beijing time
    expect(due).toBe('2026-10-10T08:00:00.000Z');
  });

  it('should consume working hours across the lunch break, the night and a weekend', () => {
    // Friday 17:00 + 4 working hours: 30 min on Friday, then Monday 08:30 → 12:00 (3.5 h) = Monday 12:00
    expect(addBusinessTime('2026-11-27T09:00:00Z', { minutes: 240 }, home)).toBe('2026-11-30T04:00:00.000Z');
    // Monday 11:00 + 2 working hours: 1 h before lunch, 1 h after 13:30 → 14:30
    expect(addBusinessTime('2026-11-30T03:00:00Z', { minutes: 120 }, home)).toBe('2026-11-30T06:30:00.000Z');
  });

  it("should count from the tenant's date, not UTC's, across midnight", () => {
    // 2026-11-27T17:00Z is already Saturday 01:00 in Beijing: +1 working day is Monday, clamped to opening
    expect(addBusinessTime('2026-11-27T17:00:00Z', { days: 1 }, home)).toBe('2026-11-30T00:30:00.000Z');
    // the same instant in a 24×7 unit is plain time
    expect(addBusinessTime('2026-11-27T17:00:00Z', { days: 1 }, { ...home, alwaysOpen: true })).toBe(
      '2026-11-28T17:00:00.000Z',
    );
  });

  it('should span the Spring Festival holiday week when adding hours before it', () => {
    // Friday 2026-02-13 17:00 + 1 working hour: 30 min Friday, Sat Feb 14 is a make-up workday → 09:00
    expect(addBusinessTime('2026-02-13T09:00:00Z', { minutes: 60 }, home)).toBe('2026-02-14T01:00:00.000Z');
    // Saturday Feb 14 17:00 + 1 working hour: Feb 15–23 are off → Tuesday Feb 24 09:00
    expect(addBusinessTime('2026-02-14T09:00:00Z', { minutes: 60 }, home)).toBe('2026-02-24T01:00:00.000Z');
  });
});

describe(parseBusinessDuration.name, () => {
  it('should read working days and hours in Chinese and English', () => {
    expect(parseBusinessDuration('3 working days')).toEqual({ days: 3 });
    expect(parseBusinessDuration('3个工作日')).toEqual({ days: 3 });
    expect(parseBusinessDuration('4 working hours')).toEqual({ minutes: 240 });
    expect(parseBusinessDuration('1.5 工作小时')).toEqual({ minutes: 90 });
    expect(parseBusinessDuration('P3D')).toBeNull();
    expect(parseBusinessDuration('2.5 working days')).toBeNull();
  });
});
