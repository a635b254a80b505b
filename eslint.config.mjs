// One lint setup for the whole workspace: type-checked TypeScript rules plus import boundaries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const pureBoundary = {
  patterns: [
    {
      group: ['@nestjs/*', 'typeorm', 'pg', 'react', 'react-dom', 'antd', 'node:*'],
      message: 'Pure packages import no server, database, UI or Node APIs.',
    },
    {
      group: ['**/server/**', '**/designer/**', '**/runtime-ui/**'],
      message: 'Pure packages import nothing from the apps.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-*/**',
      '.data/**',
      'packages/api-client/src/schema.ts',
      'artifacts/**',
      '**/*.config.mjs',
      'jest.shared.mjs',
      '**/vite.config.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.property.name="only"]', message: 'No .only in tests.' },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: [
      'packages/engine/src/**/*.ts',
      'packages/logic/src/**/*.ts',
      'packages/forms/src/**/*.ts',
      'packages/contracts/src/**/*.ts',
    ],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', pureBoundary] },
  },
  {
    files: [
      'designer/src/**/*.{ts,tsx}',
      'runtime-ui/src/**/*.{ts,tsx}',
      'packages/form-kit/src/**/*.{ts,tsx}',
      'packages/app-shell/src/**/*.{ts,tsx}',
    ],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '@careloom/server'],
              message: 'The UIs talk to the server only through @careloom/api-client.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/process-runtime/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@careloom/engine'],
              message:
                'Only server/src/process-runtime imports the engine; use its services or process-model.util.',
            },
          ],
        },
      ],
    },
  },
  {
    // HTTP response bodies in tests are untyped JSON; asserting on them is the point.
    files: ['**/*.spec.ts', '**/*-spec.ts', 'test/**/*.ts', 'server/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/src/**'], message: 'test/ is black box: no server source.' }] },
      ],
    },
  },
);
