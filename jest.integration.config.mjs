import { base } from './jest.shared.mjs';

/** Integration tests: the Nest application in-process against a real PostgreSQL. */
export default {
  ...base,
  displayName: 'integration',
  testMatch: ['<rootDir>/server/test/**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  setupFiles: ['<rootDir>/server/test/utils/setup-env.ts'],
  testTimeout: 30000,
};
