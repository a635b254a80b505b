import { describe, expect, it } from '@jest/globals';
import { SHIPPED_CALENDARS } from '../../process-runtime/business-time.util.js';
import { coverageGaps, gapMessage, yearIn } from './calendar-coverage.util.js';

describe(coverageGaps.name, () => {
  it('should report provisional and missing years of the shipped calendar', () => {
    // given the shipped cn-mainland calendar (2026 final, 2027 provisional)
    const years = SHIPPED_CALENDARS[0]!.years;
    // when 2026 to 2028 are asked for / then 2027 is provisional and 2028 missing
    expect(coverageGaps(years, 2026, 2028)).toEqual([
      { year: '2027', kind: 'provisional' },
      { year: '2028', kind: 'missing' },
    ]);
    expect(gapMessage('cn-mainland', { year: '2028', kind: 'missing' }, 'en')).toContain(
      'PUT /api/calendars/cn-mainland/years/2028',
    );
  });

  it("should take the year in the calendar's time zone", () => {
    // 2026-12-31T16:30Z is already 2027 in Beijing
    expect(yearIn(new Date('2026-12-31T16:30:00Z'), 'Asia/Shanghai')).toBe(2027);
    expect(yearIn(new Date('2026-12-31T16:30:00Z'), 'UTC')).toBe(2026);
  });
});
