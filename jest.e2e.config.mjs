import { base } from './jest.shared.mjs';

/** Black-box tests against started server processes. */
export default {
  ...base,
  displayName: 'e2e',
  testMatch: ['<rootDir>/test/api/**/*.e2e-spec.ts'],
  testTimeout: 120000,
};
