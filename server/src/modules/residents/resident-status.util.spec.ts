import { describe, expect, it } from '@jest/globals';
import { canTransition, RESIDENT_TRANSITIONS } from './resident-status.util.js';

describe('canTransition', () => {
  it('should allow the lifecycle path when moving forward', () => {
    expect(canTransition('inquiry', 'trial')).toBe(true);
    expect(canTransition('trial', 'admitted')).toBe(true);
    expect(canTransition('admitted', 'discharged')).toBe(true);
    expect(canTransition('admitted', 'deceased')).toBe(true);
  });

  it('should refuse going back or leaving a final state when asked', () => {
    expect(canTransition('admitted', 'inquiry')).toBe(false);
    expect(canTransition('inquiry', 'deceased')).toBe(false);
    expect(RESIDENT_TRANSITIONS.discharged).toEqual([]);
    expect(RESIDENT_TRANSITIONS.deceased).toEqual([]);
  });
});
