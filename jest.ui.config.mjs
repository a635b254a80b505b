import { base } from './jest.shared.mjs';

/** Browser tests: playwright-core driving Debian's chromium against a started server. */
export default {
  ...base,
  displayName: 'ui',
  testMatch: ['<rootDir>/test/ui/**/*.ui-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 180000,
};
