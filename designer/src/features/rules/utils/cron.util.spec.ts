import { describe, expect, it } from '@jest/globals';
import { formatInZone, isCronProblem, nextCronTimes, parseCron, type CronSchedule } from './cron.util.js';

function parsed(text: string): CronSchedule {
  const result = parseCron(text);
  if (isCronProblem(result)) {
    throw new Error(`expected ${text} to parse`);
  }
  return result;
}

describe(parseCron.name, () => {
  it('should read lists, ranges, steps and names when the cron is valid', () => {
    const schedule = parsed('0,30 8-10/2 * JAN-MAR MON-FRI');
    expect([...schedule.minutes]).toEqual([0, 30]);
    expect([...schedule.hours]).toEqual([8, 10]);
    expect([...schedule.months]).toEqual([1, 2, 3]);
    expect([...schedule.daysOfWeek]).toEqual([1, 2, 3, 4, 5]);
    expect(schedule.eitherDay).toBe(false);
  });

  it('should name the field that is wrong', () => {
    expect(parseCron('0 8 * *')).toEqual({ field: 'count', text: '0 8 * *' });
    expect(parseCron('61 8 * * *')).toEqual({ field: 'minute', text: '61' });
    expect(parseCron('0 8 * 13 *')).toEqual({ field: 'month', text: '13' });
    expect(parseCron('0 8 * * 5-1')).toEqual({ field: 'weekday', text: '5-1' });
  });

  it('should read 7 as Sunday', () => {
    expect([...parsed('0 8 * * 7').daysOfWeek]).toEqual([0]);
  });
});

describe(nextCronTimes.name, () => {
  // Friday 2026-11-27 10:00 in Shanghai (02:00 UTC)
  const friday = Date.UTC(2026, 10, 27, 2, 0);

  it('should give the next three working-day mornings in the zone', () => {
    // given 08:00 on working days, asked on a Friday after 08:00
    const times = nextCronTimes(parsed('0 8 * * 1-5'), 'Asia/Shanghai', friday, 3);

    // then Monday, Tuesday, Wednesday at 08:00 Shanghai time
    expect(times.map((at) => formatInZone(at, 'Asia/Shanghai'))).toEqual([
      '2026-11-30 08:00',
      '2026-12-01 08:00',
      '2026-12-02 08:00',
    ]);
  });

  it('should match either day field when both are restricted', () => {
    // given the 1st of the month or a Sunday
    const times = nextCronTimes(parsed('0 9 1 * 0'), 'Asia/Shanghai', friday, 3);

    // then Sunday 29 Nov, Tuesday 1 Dec, Sunday 6 Dec
    expect(times.map((at) => formatInZone(at, 'Asia/Shanghai'))).toEqual([
      '2026-11-29 09:00',
      '2026-12-01 09:00',
      '2026-12-06 09:00',
    ]);
  });

  it('should give nothing when the date never comes', () => {
    expect(nextCronTimes(parsed('0 0 30 2 *'), 'UTC', friday, 3)).toEqual([]);
  });

  it('should skip a wall time that daylight saving jumps over', () => {
    // given 02:30 every day in New York, from 7 March 2027 (the clocks jump 02:00 → 03:00 on 14 March)
    const times = nextCronTimes(parsed('30 2 * * *'), 'America/New_York', Date.UTC(2027, 2, 13, 12), 2);

    // then 13 March is skipped past, 14 March has no 02:30, and 15 March has
    expect(times.map((at) => formatInZone(at, 'America/New_York'))).toEqual([
      '2027-03-15 02:30',
      '2027-03-16 02:30',
    ]);
  });
});
