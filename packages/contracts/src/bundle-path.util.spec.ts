import { describe, expect, it } from '@jest/globals';
import { bundlePathProblem, isSafeBundlePath } from './bundle-path.util.js';

describe(bundlePathProblem.name, () => {
  it.each(['manifest.json', 'forms/elder-archive.json', 'processes/onboarding-30day.bpmn', 'i18n/en.json'])(
    'should accept %s',
    (path) => {
      expect(bundlePathProblem(path)).toBeNull();
      expect(isSafeBundlePath(path)).toBe(true);
    },
  );

  it.each([
    ['../etc/passwd', 'leaves'],
    ['forms/../../x.json', 'leaves'],
    ['/etc/passwd', 'absolute'],
    ['C:/Windows/x', 'absolute'],
    ['forms\\x.json', 'backslash'],
    ['forms/.hidden.json', 'hidden'],
    ['forms//x.json', 'empty'],
    ['forms/x y.json', 'characters'],
    ['', 'empty'],
  ])('should refuse %s', (path, reason) => {
    // when
    const problem = bundlePathProblem(path);
    // then
    expect(problem).toContain(reason);
  });
});
