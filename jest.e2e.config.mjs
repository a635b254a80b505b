import { base } from './jest.shared.mjs';

/** Black-box tests against started server processes. */
export default {
  ...base,
  displayName: 'e2e',
  testMatch: ['<rootDir>/test/api/**/*.e2e-spec.ts'],
  // A fresh database for tests that run servers on DATABASE_URL (TEST_DATABASE_URL).
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 120000,
};
