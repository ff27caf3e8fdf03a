import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['node_modules/**', '.next/**', 'data/**', '.tmp/**', 'lib/db/generated/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // No React outside app/, components/ and e2e/: `use…` names there are not hooks.
    files: ['tests/**', 'scripts/**', 'lib/**/*.test.ts', 'sandbox/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Specs take `test` from e2e/support/test.ts, which fails a test on any Content-Security-Policy violation.
    files: ['e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: '@playwright/test', importNames: ['test', 'expect'], message: 'Import test and expect from ./support/test (it fails a spec on a CSP violation).' }] },
      ],
    },
  },
];

export default config;
