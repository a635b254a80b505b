import { describe, expect, it } from '@jest/globals';
import { suggestKey } from './key-suggestion.util.js';

const KEY = /^[a-z][a-z0-9-]{1,63}$/;

describe(suggestKey.name, () => {
  it('should turn an English name into a lower-case dashed key', () => {
    // given names as administrators type them
    // then each gives a key the dialogs accept
    expect(suggestKey('Fall incident')).toBe('fall-incident');
    expect(suggestKey('  Fall incident (night shift) ')).toBe('fall-incident-night-shift');
    expect(suggestKey('Barthel ADL / 2026')).toBe('barthel-adl-2026');
    expect(suggestKey('Café visit')).toBe('cafe-visit');
    expect(suggestKey('Ｆａｌｌ ｒｅｖｉｅｗ')).toBe('fall-review');
  });

  it('should start with a letter and stay within 64 characters', () => {
    expect(suggestKey('3-day follow-up')).toBe('day-follow-up');
    const long = suggestKey(`${'word '.repeat(30)}end`);
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long).toMatch(KEY);
  });

  it('should suggest nothing when no letters are left', () => {
    expect(suggestKey('跌倒事件')).toBe('');
    expect(suggestKey('2024')).toBe('');
    expect(suggestKey('x')).toBe('');
  });
});
