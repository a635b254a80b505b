import { describe, expect, it } from '@jest/globals';
import { describeCycle, describeDuration, describeTimer, parseIsoDuration } from './iso-duration.util.js';

describe(parseIsoDuration.name, () => {
  it('should read days, weeks and time parts when the text is an ISO duration', () => {
    expect(parseIsoDuration('P1DT2H')).toEqual({
      years: 0,
      months: 0,
      weeks: 0,
      days: 1,
      hours: 2,
      minutes: 0,
      seconds: 0,
    });
    expect(parseIsoDuration('P2W')?.weeks).toBe(2);
  });

  it('should give null when the text is not a duration', () => {
    expect(parseIsoDuration('3 days')).toBeNull();
    expect(parseIsoDuration('P')).toBeNull();
    expect(parseIsoDuration('PT')).toBeNull();
  });
});

describe(describeDuration.name, () => {
  it('should say "in 3 days" in both languages when the duration is P3D', () => {
    expect(describeDuration('P3D', 'zh-CN')).toBe('3 天后');
    expect(describeDuration('P3D', 'en')).toBe('in 3 days');
    expect(describeDuration('PT1H30M', 'en')).toBe('in 1 hour 30 minutes');
  });

  it('should read business time when the duration counts working days or hours', () => {
    expect(describeDuration('P3WD', 'zh-CN')).toBe('3 个工作日后');
    expect(describeDuration('P3WD', 'en')).toBe('in 3 working days');
    expect(describeDuration('PT4WH', 'en')).toBe('in 4 working hours');
    expect(describeDuration('3个工作日', 'zh-CN')).toBe('3 个工作日后');
    expect(describeTimer('duration', '4 working hours', 'zh-CN')).toBe('4 个工作小时后');
  });
});

describe(describeCycle.name, () => {
  it('should describe R4/P7D as every 7 days, 4 times', () => {
    expect(describeCycle('R4/P7D', 'zh-CN')).toBe('每 7 天，共 4 次');
    expect(describeCycle('R4/P7D', 'en')).toBe('every 7 days, 4 times');
  });

  it('should name the start and an unbounded repetition when given', () => {
    expect(describeCycle('R/2026-01-01T09:00:00+08:00/P1D', 'en')).toBe(
      'from 2026-01-01T09:00:00+08:00, every 1 day, without end',
    );
    expect(describeCycle('P7D', 'en')).toBeNull();
  });
});

describe(describeTimer.name, () => {
  it('should describe dates, and name expressions instead of guessing them', () => {
    expect(describeTimer('date', '2026-03-04', 'zh-CN')).toBe('于 2026-03-04');
    expect(describeTimer('date', '={"var":"d"}', 'en')).toBe('an expression evaluated at run time');
    expect(describeTimer('duration', 'soon', 'en')).toBeNull();
  });
});
