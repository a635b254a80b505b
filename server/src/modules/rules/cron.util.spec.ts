import { describe, expect, it } from '@jest/globals';
import { nextCronOccurrence, parseCron, type CronSchedule } from './cron.util.js';

const parsed = (expression: string): CronSchedule => {
  const result = parseCron(expression);
  if (!result.ok) {
    throw new Error(result.message);
  }
  return result.schedule;
};
const next = (expression: string, after: string, timeZone = 'Asia/Shanghai'): string | null => {
  const at = nextCronOccurrence(parsed(expression), Date.parse(after), timeZone);
  return at === null ? null : new Date(at).toISOString();
};
const series = (expression: string, after: string, count: number, timeZone: string): string[] => {
  const out: string[] = [];
  let at = Date.parse(after);
  for (let i = 0; i < count; i += 1) {
    const found = nextCronOccurrence(parsed(expression), at, timeZone);
    if (found === null) {
      break;
    }
    out.push(new Date(found).toISOString());
    at = found;
  }
  return out;
};

describe(parseCron.name, () => {
  it('should read lists, ranges, steps and names', () => {
    const schedule = parsed('*/15 8-10,14 1,15 JAN-mar mon-fri');
    expect(schedule.minutes).toEqual([0, 15, 30, 45]);
    expect(schedule.hours).toEqual([8, 9, 10, 14]);
    expect([...schedule.daysOfMonth]).toEqual([1, 15]);
    expect([...schedule.months]).toEqual([1, 2, 3]);
    expect([...schedule.daysOfWeek]).toEqual([1, 2, 3, 4, 5]);
    expect(schedule.dayOr).toBe(true);
  });

  it('should read a step from a start value and Sunday as 0 or 7', () => {
    expect(parsed('5/20 0 * * *').minutes).toEqual([5, 25, 45]);
    expect([...parsed('0 0 * * 7').daysOfWeek]).toEqual([0]);
    expect([...parsed('0 0 * * 5-7').daysOfWeek].sort()).toEqual([0, 5, 6]);
  });

  it.each([
    ['0 8 * *', /5 fields/],
    ['', /5 fields .*got 0/],
    ['60 8 * * *', /minute: 60 is outside 0–59/],
    ['0 24 * * *', /hour: 24/],
    ['0 8 0 * *', /day of month: 0/],
    ['0 8 * 13 *', /month: 13/],
    ['0 8 * * 8', /day of week: 8/],
    ['0 8 * * MONDAY', /not a number/],
    ['*/0 8 * * *', /step/],
    ['0 10-8 * * *', /backwards/],
    ['0 8 1-2-3 * *', /not a range/],
    ['0 8 1/2/3 * *', /not a value, range or step/],
    ['0 8 , * *', /not a value/],
    ['0 8 31 4 *', /never matches/],
    ['0 0 30 2 *', /never matches/],
    ['x'.repeat(201), /at most 200/],
  ])('should refuse %j, saying why in English and Chinese', (expression, message) => {
    const result = parseCron(expression);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(message);
    expect(result.ok ? '' : result.zh).toMatch(/^cron.*[\u4e00-\u9fff]/);
  });

  it('should word a refusal in Chinese with the field and the allowed range', () => {
    expect(parseCron('0 25 * * *')).toEqual({
      ok: false,
      message: 'hour: 25 is outside 0–23',
      zh: 'cron 的小时字段：25 超出了 0–23 的范围',
    });
    expect(parseCron('0 8 * *')).toMatchObject({
      zh: 'cron 需要 5 个字段（分 时 日 月 周，用空格分隔），现在是 4 个',
    });
    expect(parseCron('0 8 31 4 *')).toMatchObject({
      zh: 'cron 永远碰不到真实存在的日期（例如在只有 30 天的月份里写了 31 号）',
    });
  });
});

describe(nextCronOccurrence.name, () => {
  it('should find 08:00 Asia/Shanghai after an instant, strictly after it', () => {
    // 2035-03-01T00:00Z is 08:00 in Shanghai
    expect(next('0 8 * * *', '2035-02-28T23:59:00.000Z')).toBe('2035-03-01T00:00:00.000Z');
    expect(next('0 8 * * *', '2035-03-01T00:00:00.000Z')).toBe('2035-03-02T00:00:00.000Z');
    expect(next('0 8 * * *', '2035-03-01T00:00:30.000Z')).toBe('2035-03-02T00:00:00.000Z');
  });

  it('should use the local calendar day of the zone', () => {
    // 2035-03-01T20:00Z is already 2 March 04:00 in Shanghai: Friday the 2nd → next Monday is the 5th
    expect(next('30 9 * * 1', '2035-03-01T20:00:00.000Z')).toBe('2035-03-05T01:30:00.000Z');
  });

  it('should match either day field when both are restricted, as cron does', () => {
    // the 15th, or any Sunday: from Thursday 2035-03-01 the first is Sunday the 4th
    expect(series('0 12 15 * 0', '2035-03-01T00:00:00.000Z', 4, 'UTC')).toEqual([
      '2035-03-04T12:00:00.000Z',
      '2035-03-11T12:00:00.000Z',
      '2035-03-15T12:00:00.000Z',
      '2035-03-18T12:00:00.000Z',
    ]);
  });

  it('should find 29 February years ahead', () => {
    expect(next('0 0 29 2 *', '2029-03-01T00:00:00.000Z', 'UTC')).toBe('2032-02-29T00:00:00.000Z');
  });

  it('should step through several times a day in order', () => {
    expect(series('0,30 9-10 * * *', '2035-03-01T00:00:00.000Z', 5, 'UTC')).toEqual([
      '2035-03-01T09:00:00.000Z',
      '2035-03-01T09:30:00.000Z',
      '2035-03-01T10:00:00.000Z',
      '2035-03-01T10:30:00.000Z',
      '2035-03-02T09:00:00.000Z',
    ]);
  });

  it('should run a time in a spring-forward gap once, shifted past the gap', () => {
    // New York skips 02:00–03:00 on 2026-03-08: 02:30 happens at 03:30 EDT (07:30Z) that night
    expect(series('30 2 * * *', '2026-03-07T00:00:00.000Z', 3, 'America/New_York')).toEqual([
      '2026-03-07T07:30:00.000Z',
      '2026-03-08T07:30:00.000Z',
      '2026-03-09T06:30:00.000Z',
    ]);
  });

  it('should keep the earlier time first when a gap shift passes it', () => {
    expect(series('30 2 * * *', '2026-03-08T05:00:00.000Z', 1, 'America/New_York')).toEqual([
      '2026-03-08T07:30:00.000Z',
    ]);
    expect(series('0,30 2,3 8 3 *', '2026-03-08T05:00:00.000Z', 2, 'America/New_York')).toEqual([
      '2026-03-08T07:00:00.000Z',
      '2026-03-08T07:30:00.000Z',
    ]);
  });

  it('should run a time that occurs twice in autumn only once', () => {
    // New York repeats 01:00–02:00 on 2026-11-01
    expect(series('30 1 * * *', '2026-10-31T12:00:00.000Z', 3, 'America/New_York')).toEqual([
      '2026-11-01T05:30:00.000Z',
      '2026-11-02T06:30:00.000Z',
      '2026-11-03T06:30:00.000Z',
    ]);
  });

  it('should fire hourly across a fall-back night without running an hour twice in wall time', () => {
    const hours = series('0 * * * *', '2026-11-01T04:30:00.000Z', 4, 'America/New_York');
    // 01:00 EDT (05:00Z), 02:00 EST (07:00Z) — the repeated 01:00 EST is not a second occurrence
    expect(hours).toEqual([
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T07:00:00.000Z',
      '2026-11-01T08:00:00.000Z',
      '2026-11-01T09:00:00.000Z',
    ]);
  });
});
