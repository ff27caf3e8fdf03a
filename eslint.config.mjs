import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The layers of ARCHITECTURE.md, lowest first: a folder may import its own layer and the layers below it, never one
// above. Listed by folder, so new files in these folders are held to it too; tests/layers.test.ts fails when a new
// folder of lib/ is in no layer.
export const LAYERS = [
  {
    name: 'foundation',
    folders: [
      'lib/env.ts',
      'lib/log',
      'lib/db',
      'lib/crypto',
      'lib/net',
      'lib/http',
      'lib/metrics',
      'lib/jobs',
      'lib/audit',
      'lib/auth',
    ],
  },
  { name: 'Microsoft', folders: ['lib/entra'] },
  { name: 'domain', folders: ['lib/tenants', 'lib/services', 'lib/connections', 'lib/api-keys', 'lib/administrators'] },
  { name: 'feature', folders: ['lib/mail', 'lib/robot', 'lib/retention', 'lib/start'] },
  { name: 'watcher', folders: ['lib/health', 'lib/notifications'] },
  { name: 'composition', folders: ['lib/composition'] },
  { name: 'console', folders: ['lib/actions', 'components', 'app'] },
];

// Folders no layer may import: the test and tooling trees, and the sandbox of Microsoft's services, which lives apart.
const OUTSIDE = ['tests', 'e2e', 'scripts', 'sandbox'];

const globOf = (folder) => (folder.endsWith('.ts') ? folder : `${folder}/**`);

function layerZones() {
  const zones = [];
  LAYERS.forEach((layer, index) => {
    const above = LAYERS.slice(index + 1).flatMap((l) => l.folders);
    for (const folder of layer.folders) {
      const from = [...above, ...OUTSIDE].map(globOf);
      zones.push({
        target: globOf(folder),
        from,
        message: `${folder} is in the ${layer.name} layer: it may import only its own layer and those below it (ARCHITECTURE.md).`,
      });
    }
  });
  // Features are siblings: what two of them share moves down a layer.
  const features = LAYERS.find((l) => l.name === 'feature').folders;
  for (const folder of features) {
    zones.push({
      target: globOf(folder),
      from: features.filter((other) => other !== folder).map(globOf),
      message: `${folder} is a feature: it does not import another feature; move what both need down a layer (ARCHITECTURE.md).`,
    });
  }
  zones.push({
    target: 'components/**',
    from: ['app/**'],
    message: 'components/ holds generic pieces: it does not import app/ (ARCHITECTURE.md).',
  });
  zones.push({
    target: ['server.ts', 'proxy.ts', 'instrumentation-client.ts'],
    from: OUTSIDE.map(globOf),
    message: 'The entry points do not import tests, scripts or the sandbox.',
  });
  zones.push({
    target: 'sandbox/**',
    from: ['app/**', 'lib/**', 'components/**'],
    message: 'The sandbox of Microsoft services lives apart: it imports nothing of the application (ARCHITECTURE.md).',
  });
  return zones;
}

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      'node_modules/**',
      '.next/**',
      'data/**',
      '.tmp/**',
      'lib/db/generated/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'tests/fixtures/layers/**',
    ],
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    rules: { 'import/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layerZones() }] },
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
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test', 'expect'],
              message: 'Import test and expect from ./support/test (it fails a spec on a CSP violation).',
            },
          ],
        },
      ],
    },
  },
];

export default config;
