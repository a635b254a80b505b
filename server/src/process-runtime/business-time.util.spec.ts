import { describe, expect, it } from '@jest/globals';
import { isDueDuration } from './business-time.util.js';

describe(isDueDuration.name, () => {
  it('should accept ISO durations and business time when a due duration is given', () => {
    expect(
      ['P2D', 'PT4H', 'P3WD', 'PT4WH', 'PT1WH30WM', '3个工作日', '4 working hours'].map(isDueDuration),
    ).toEqual([true, true, true, true, true, true, true]);
  });

  it('should refuse anything else', () => {
    expect(['P', 'PT', '3 days', 'P3WDX', 'tomorrow', `P${'1'.repeat(40)}D`].map(isDueDuration)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
