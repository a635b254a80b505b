import { base } from './jest.shared.mjs';

/** Unit tests: pure packages and server units, no database. */
export default {
  ...base,
  displayName: 'unit',
  testMatch: ['<rootDir>/packages/*/src/**/*.spec.ts', '<rootDir>/server/src/**/*.spec.ts'],
};
