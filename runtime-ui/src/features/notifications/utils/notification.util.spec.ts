import { describe, expect, it } from '@jest/globals';
import { residentIdOf, unreadBadge } from './notification.util.js';

describe(residentIdOf.name, () => {
  it('should return the residentId when the payload carries a non-empty string', () => {
    expect(residentIdOf({ residentId: 'r-1', other: 1 })).toBe('r-1');
  });

  it('should return null when the payload has no usable residentId', () => {
    expect(residentIdOf({})).toBeNull();
    expect(residentIdOf({ residentId: 42 })).toBeNull();
    expect(residentIdOf({ residentId: '' })).toBeNull();
  });
});

describe(unreadBadge.name, () => {
  it('should show nothing for zero, the count, and 99+ above the cap', () => {
    expect(unreadBadge(0)).toBeNull();
    expect(unreadBadge(7)).toBe('7');
    expect(unreadBadge(120)).toBe('99+');
  });
});
