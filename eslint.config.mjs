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
];

export default config;
