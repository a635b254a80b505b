import { describe, expect, it } from '@jest/globals';
import { parseBusinessDuration, parseTimerCycle } from '@careloom/engine';
import {
  pickerUnits,
  readPickedCycle,
  readPickedDuration,
  writePickedCycle,
  writePickedDuration,
} from './duration-picker.util.js';
import { describeCycle, describeDuration } from './iso-duration.util.js';

describe(readPickedDuration.name, () => {
  it('should read one whole amount of one unit when the text is a simple duration', () => {
    // given / when / then
    expect(readPickedDuration('PT30M')).toEqual({ amount: 30, unit: 'minutes' });
    expect(readPickedDuration(' PT4H ')).toEqual({ amount: 4, unit: 'hours' });
    expect(readPickedDuration('P3D')).toEqual({ amount: 3, unit: 'days' });
    expect(readPickedDuration('P2W')).toEqual({ amount: 2, unit: 'weeks' });
    expect(readPickedDuration('P3WD')).toEqual({ amount: 3, unit: 'workdays' });
  });

  it('should give null when the text needs the advanced input', () => {
    // given values with several parts, a date, an expression or nothing
    for (const text of ['P1DT2H', 'PT0M', '2026-03-04', '${due}', '={"var":"d"}', '', 'PT1.5H', 'PT4WH']) {
      // when / then
      expect(readPickedDuration(text)).toBeNull();
    }
  });
});

describe(writePickedDuration.name, () => {
  it('should write ISO 8601 (and the engine business form) that reads back the same when a unit is picked', () => {
    // given every unit the picker offers, business time included
    for (const unit of pickerUnits(true)) {
      // when it is written
      const text = writePickedDuration({ amount: 30, unit });

      // then the picker and the preview read it again
      expect(readPickedDuration(text)).toEqual({ amount: 30, unit });
      expect(describeDuration(text, 'zh-CN')).not.toBeNull();
    }
    expect(writePickedDuration({ amount: 30, unit: 'minutes' })).toBe('PT30M');
    expect(parseBusinessDuration(writePickedDuration({ amount: 3, unit: 'workdays' }))).toEqual({ days: 3 });
  });

  it('should write a whole amount of at least 1 when the amount is a fraction or zero', () => {
    expect(writePickedDuration({ amount: 2.7, unit: 'hours' })).toBe('PT2H');
    expect(writePickedDuration({ amount: 0, unit: 'days' })).toBe('P1D');
  });
});

describe(readPickedCycle.name, () => {
  it('should read every N units M times when the cycle has no start instant', () => {
    expect(readPickedCycle('R4/P7D')).toEqual({ every: { amount: 7, unit: 'days' }, times: 4 });
    expect(readPickedCycle('R/PT1H')).toEqual({ every: { amount: 1, unit: 'hours' }, times: null });
  });

  it('should give null when the cycle needs the advanced input', () => {
    for (const text of [
      'R3/2026-01-01T09:00:00+08:00/P1D',
      'R2/P3WD',
      'R0/P1D',
      'P1D',
      'R4/P1DT2H',
      '${cycle}',
    ]) {
      expect(readPickedCycle(text)).toBeNull();
    }
  });
});

describe(writePickedCycle.name, () => {
  it('should write a cycle the engine parses and the preview reads when every and times are picked', () => {
    // given every 7 days, 4 times
    const text = writePickedCycle({ every: { amount: 7, unit: 'days' }, times: 4 });

    // then
    expect(text).toBe('R4/P7D');
    expect(parseTimerCycle(text)?.repetitions).toBe(4);
    expect(describeCycle(text, 'zh-CN')).toBe('每 7 天，共 4 次');
  });

  it('should repeat without end when no count is given, and use calendar days for working days', () => {
    expect(writePickedCycle({ every: { amount: 30, unit: 'minutes' }, times: null })).toBe('R/PT30M');
    expect(writePickedCycle({ every: { amount: 2, unit: 'workdays' }, times: 3 })).toBe('R3/P2D');
  });
});

describe(pickerUnits.name, () => {
  it('should offer working days only where business time is allowed', () => {
    expect(pickerUnits(true)).toContain('workdays');
    expect(pickerUnits(false)).not.toContain('workdays');
  });
});
