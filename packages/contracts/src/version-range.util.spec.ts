import { describe, expect, it } from '@jest/globals';
import { compareVersions, parseVersion, satisfiesVersionRange } from './version-range.util.js';

describe(satisfiesVersionRange.name, () => {
  it.each([
    ['1.2.3', '*', true],
    ['1.2.3', '1.2.3', true],
    ['1.2.4', '1.2.3', false],
    ['1.9.0', '^1.2.3', true],
    ['2.0.0', '^1.2.3', false],
    ['1.2.2', '^1.2.3', false],
    ['0.2.9', '^0.2.3', true],
    ['0.3.0', '^0.2.3', false],
    ['0.0.4', '^0.0.3', false],
    ['1.2.9', '~1.2.3', true],
    ['1.3.0', '~1.2.3', false],
    ['3.0.0', '>=1.2.3', true],
    ['1.2.3-rc.1', '>=1.2.3', false],
    ['1.2.3', 'latest', false],
    ['one', '*', false],
  ])('should answer %s in %s as %s', (version, range, expected) => {
    // when
    const result = satisfiesVersionRange(version, range);
    // then
    expect(result).toBe(expected);
  });
});

describe(compareVersions.name, () => {
  it('should order pre-releases before the release and numerically among themselves', () => {
    // given
    const versions = ['1.0.0', '1.0.0-rc.10', '1.0.0-rc.2', '0.9.9', '1.0.0-beta'];
    // when
    const sorted = versions
      .map((text) => ({ text, parsed: parseVersion(text) }))
      .sort((a, b) => compareVersions(a.parsed!, b.parsed!))
      .map((entry) => entry.text);
    // then
    expect(sorted).toEqual(['0.9.9', '1.0.0-beta', '1.0.0-rc.2', '1.0.0-rc.10', '1.0.0']);
  });
});
