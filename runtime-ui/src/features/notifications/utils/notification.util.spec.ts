import { describe, expect, it } from '@jest/globals';
import { residentIdOf, targetOf, unreadBadge } from './notification.util.js';

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

describe(targetOf.name, () => {
  it('should lead to an in-app href first, then to the resident, else nowhere', () => {
    // given payloads of a published notice, a task reminder and a plain message
    // when their targets are asked
    // then the notice opens the notices page, the reminder the resident, the message nothing
    expect(targetOf({ href: '/portal/notices', residentId: 'r-1' })).toBe('/portal/notices');
    expect(targetOf({ residentId: 'r-1' })).toBe('/residents/r-1');
    expect(targetOf({})).toBeNull();
  });

  it('should refuse hrefs that leave the app', () => {
    // given hrefs to other sites or schemes
    // when their targets are asked
    // then none is followed
    for (const href of [
      'https://evil.example/x',
      '//evil.example',
      'javascript:alert(1)',
      '/\\evil',
      '/a//b',
    ]) {
      expect(targetOf({ href })).toBeNull();
    }
  });
});
