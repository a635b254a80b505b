import { base } from './jest.shared.mjs';

/** Browser tests: playwright-core driving Debian's chromium against a started server. */
export default {
  ...base,
  displayName: 'ui',
  testMatch: ['<rootDir>/test/ui/**/*.ui-spec.ts'],
  testTimeout: 180000,
};
