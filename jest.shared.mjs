// Shared jest settings: TypeScript through SWC as native ESM, workspace packages read from source.
export const swcTransform = {
  // @fastify/static (CommonJS) requires content-disposition, which ships only ESM; Node 20 loads
  // that with require(esm) but jest's module runtime cannot, so it is compiled to CommonJS here.
  'content-disposition/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }],
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true, tsx: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
        target: 'es2023',
        keepClassNames: true,
        // Keep `with { type: 'json' }` on JSON imports (Node requires it for ESM JSON).
        experimental: { keepImportAttributes: true, emitAssertForImportAttributes: false },
      },
      module: { type: 'es6' },
    },
  ],
};

export const base = {
  rootDir: import.meta.dirname,
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: swcTransform,
  moduleNameMapper: {
    '^@careloom/(contracts|engine|logic|forms)$': '<rootDir>/packages/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(\\.pnpm/content-disposition@[^/]+/node_modules/)?content-disposition/)',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
