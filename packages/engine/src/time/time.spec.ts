import { describe, expect, it } from '@jest/globals';
import { addDuration, parseDuration } from './duration.util.js';
import { parseTimerCycle, scheduleTimer } from './timer.util.js';

const limits = { maxRepetitions: 1000, minCycleMs: 60_000 };

describe('time', () => {
  it('should parse ISO 8601 durations', () => {
    expect(parseDuration('P3D')).toEqual({
      years: 0,
      months: 0,
      weeks: 0,
      days: 3,
      hours: 0,
      minutes: 0,
      seconds: 0,
    });
    expect(parseDuration('PT30M')?.minutes).toBe(30);
    expect(parseDuration('P1Y2M3DT4H5M6.5S')).toEqual({
      years: 1,
      months: 2,
      weeks: 0,
      days: 3,
      hours: 4,
      minutes: 5,
      seconds: 6.5,
    });
    expect(parseDuration('P')).toBeNull();
    expect(parseDuration('PT')).toBeNull();
    expect(parseDuration('3 days')).toBeNull();
  });

  it('should add calendar parts in the time zone and clamp month ends', () => {
    expect(addDuration('2026-01-31T01:00:00+08:00', 'P1M', 'Asia/Shanghai')).toBe('2026-02-27T17:00:00.000Z');
    expect(addDuration('2026-03-07T12:00:00Z', 'P1D', 'America/New_York')).toBe('2026-03-08T11:00:00.000Z');
    expect(addDuration('2026-03-07T12:00:00Z', 'PT24H', 'America/New_York')).toBe('2026-03-08T12:00:00.000Z');
  });

  it('should parse cycles with and without a start', () => {
    expect(parseTimerCycle('R4/P7D')).toMatchObject({ repetitions: 4, start: null, intervalText: 'P7D' });
    expect(parseTimerCycle('R3/2026-01-01T09:00:00+08:00/P1D')).toMatchObject({
      repetitions: 3,
      start: '2026-01-01T01:00:00.000Z',
    });
    expect(parseTimerCycle('R/PT1H')?.repetitions).toBeNull();
    expect(parseTimerCycle('every day')).toBeNull();
  });

  it('should schedule the first occurrence of each timer kind', () => {
    const now = '2026-01-01T00:00:00Z';
    expect(scheduleTimer('duration', 'P3D', now, 'UTC', limits)).toMatchObject({
      ok: true,
      dueAt: '2026-01-04T00:00:00.000Z',
    });
    expect(scheduleTimer('date', '2026-02-01', now, 'Asia/Shanghai', limits)).toMatchObject({
      dueAt: '2026-01-31T16:00:00.000Z',
    });
    expect(scheduleTimer('cycle', 'R4/P7D', now, 'UTC', limits)).toMatchObject({
      dueAt: '2026-01-08T00:00:00.000Z',
      remaining: 3,
      interval: 'P7D',
    });
    expect(scheduleTimer('cycle', 'R2000/P1D', now, 'UTC', limits).ok).toBe(false);
  });
});
