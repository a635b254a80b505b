import { base } from './jest.shared.mjs';

/** Unit tests: pure packages, server units and the UIs' pure parts, no database, no DOM. */
export default {
  ...base,
  displayName: 'unit',
  testMatch: [
    '<rootDir>/packages/*/src/**/*.spec.ts',
    '<rootDir>/server/src/**/*.spec.ts',
    '<rootDir>/designer/src/**/*.spec.ts',
    '<rootDir>/runtime-ui/src/**/*.spec.ts',
  ],
};
