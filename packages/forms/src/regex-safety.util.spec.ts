import { describe, expect, it } from '@jest/globals';
import { checkRegexSafety } from './regex-safety.util.js';

describe(checkRegexSafety.name, () => {
  it.each([
    ['^(a+)+$', 'nested-quantifier'],
    ['(a|a)*', 'overlapping-alternation'],
    ['(.*)*', 'nested-quantifier'],
    ['^(\\w+\\s?)*$', 'nested-quantifier'],
    ['^(a|ab)+$', 'overlapping-alternation'],
    ['([a-z]+){2,}', 'nested-quantifier'],
    ['(?:\\d+)*x', 'nested-quantifier'],
    ['^(\\d|[0-9a-f])+$', 'overlapping-alternation'],
  ])('should flag %s as %s', (pattern, reason) => {
    expect(checkRegexSafety(pattern)).toEqual({ type: 'unsafe', reason });
  });

  it.each([
    '^1[3-9]\\d{9}$',
    '^[0-9A-Z]{1,4}-[0-9]{1,4}$',
    '^(\\d{1,3}\\.){3}\\d{1,3}$',
    '^(ab|cd)*$',
    '^[\\u4e00-\\u9fa5]{2,10}$',
    '^\\p{Script=Han}+$',
    '^(?<year>\\d{4})-(?<month>\\d{2})$',
  ])('should accept %s', (pattern) => {
    expect(checkRegexSafety(pattern)).toEqual({ type: 'safe' });
  });

  it('should report invalid when the pattern does not compile in unicode mode', () => {
    expect(checkRegexSafety('(a').type).toBe('invalid');
  });
});
