import { describe, expect, it } from '@jest/globals';
import cnMainland from './calendars/cn-mainland.json' with { type: 'json' };
import {
  addBusinessTime,
  businessCalendarOf,
  calendarProblems,
  describeBusinessDuration,
  isWorkingDay,
  parseBusinessDuration,
  type CalendarData,
} from './business-time.util.js';

const home = businessCalendarOf(cnMainland);

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

describe('business time across a statutory holiday and a make-up Saturday', () => {
  it('should skip Qingming when adding working days before it', () => {
    // Friday 2026-04-03 15:00 + 1 working day: Apr 4–6 are off (Sat–Mon) → Tuesday Apr 7 15:00
    expect(addBusinessTime('2026-04-03T07:00:00Z', { days: 1 }, home)).toBe('2026-04-07T07:00:00.000Z');
  });

  it('should count a make-up Saturday as a working day and skip the holiday after it', () => {
    // Friday 2026-09-18 10:00 + 1 working day: Sat Sep 19 off, Sun Sep 20 is a make-up workday → Sep 20 10:00
    expect(addBusinessTime('2026-09-18T02:00:00Z', { days: 1 }, home)).toBe('2026-09-20T02:00:00.000Z');
    // Thursday 2026-09-24 17:00 + 2 working hours: 30 min Thursday, Sep 25–27 Mid-Autumn off, Mon Sep 28 → 10:00
    expect(addBusinessTime('2026-09-24T09:00:00Z', { minutes: 120 }, home)).toBe('2026-09-28T02:00:00.000Z');
  });

  it('should count from the next working day when filed in the night between two days', () => {
    // 2026-09-29T16:30Z is Wednesday Sep 30 00:30 in Beijing: +1 working day is Thursday Oct 8 at opening
    expect(addBusinessTime('2026-09-29T16:30:00Z', { days: 1 }, home)).toBe('2026-10-08T00:30:00.000Z');
    // the same instant +1 working hour: Sep 30 08:30 → 09:30 Beijing (the night before is not working time)
    expect(addBusinessTime('2026-09-29T16:30:00Z', { minutes: 60 }, home)).toBe('2026-09-30T01:30:00.000Z');
  });

  it('should use only the statutory days of a provisional year', () => {
    // 2027 ships provisional: National Day Oct 1–3 (Fri–Sun) without bridge days or 调休
    expect(cnMainland.years['2027'].provisional).toBe(true);
    expect(isWorkingDay('2027-10-01', home)).toBe(false);
    expect(isWorkingDay('2027-10-04', home)).toBe(true);
    expect(addBusinessTime('2027-09-30T08:00:00Z', { days: 1 }, home)).toBe('2027-10-04T08:00:00.000Z');
  });
});

describe(calendarProblems.name, () => {
  it('should accept the shipped calendar', () => {
    expect(calendarProblems(cnMainland)).toEqual([]);
  });

  it('should point at each bad field', () => {
    // given a calendar with a bad zone, an unknown weekday, overlapping hours and a misplaced date
    const bad: CalendarData = {
      timeZone: 'Mars/Olympus',
      weekdays: [1, 8],
      hours: [
        { start: '08:30', end: '12:00' },
        { start: '11:00', end: '17:30' },
        { start: '18:00', end: '17:00' },
      ],
      years: {
        '2027': {
          holidays: ['2026-10-01', '2027-02-30'],
          workdays: ['2027-10-09'],
          provisional: false,
          source: '',
        },
      },
    };
    // when it is checked / then every problem has a pointer
    expect(calendarProblems(bad).map((problem) => problem.path)).toEqual([
      '/timeZone',
      '/weekdays/1',
      '/hours/1/start',
      '/hours/2/end',
      '/years/2027/holidays/0',
      '/years/2027/holidays/1',
    ]);
    const clash = { holidays: ['2027-10-09'], workdays: ['2027-10-09'], provisional: false, source: '' };
    expect(calendarProblems({ ...cnMainland, years: { '2027': clash } })[0]?.path).toBe(
      '/years/2027/workdays/0',
    );
  });
});

describe(describeBusinessDuration.name, () => {
  it('should describe days, hours and minutes in Chinese and English', () => {
    expect(describeBusinessDuration({ days: 3 }, 'zh-CN')).toBe('3 个工作日');
    expect(describeBusinessDuration({ days: 1 }, 'en')).toBe('1 working day');
    expect(describeBusinessDuration({ minutes: 270 }, 'zh-CN')).toBe('4 个工作小时 30 分钟');
    expect(describeBusinessDuration({ minutes: 240 }, 'en')).toBe('4 working hours');
    expect(describeBusinessDuration({ minutes: 30 }, 'en')).toBe('30 working minutes');
  });
});

describe(parseBusinessDuration.name, () => {
  it('should read the ISO-like form', () => {
    expect(parseBusinessDuration('P3WD')).toEqual({ days: 3 });
    expect(parseBusinessDuration('PT4WH')).toEqual({ minutes: 240 });
    expect(parseBusinessDuration('PT1WH30WM')).toEqual({ minutes: 90 });
    expect(parseBusinessDuration(' PT45WM ')).toEqual({ minutes: 45 });
    expect(parseBusinessDuration('PT')).toBeNull();
    expect(parseBusinessDuration('P3W')).toBeNull();
    expect(parseBusinessDuration('P3WDT4WH')).toBeNull();
  });

  it('should read working days and hours in Chinese and English', () => {
    expect(parseBusinessDuration('3 working days')).toEqual({ days: 3 });
    expect(parseBusinessDuration('3个工作日')).toEqual({ days: 3 });
    expect(parseBusinessDuration('4 working hours')).toEqual({ minutes: 240 });
    expect(parseBusinessDuration('1.5 工作小时')).toEqual({ minutes: 90 });
    expect(parseBusinessDuration('P3D')).toBeNull();
    expect(parseBusinessDuration('2.5 working days')).toBeNull();
  });
});
