import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // `server-only` throws outside a React server bundle; tests run on the server by definition.
      'server-only': fileURLToPath(new URL('./tests/support/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', '.next/**', 'e2e/**', 'data/**', '.tmp/**'],
    pool: 'forks',
    globalSetup: ['tests/support/vitest-global-setup.ts'],
    // Timeouts catch a hung test; they are not speed targets (those are the bench: scripts). Tests that start
    // processes, sandboxes and databases take several times longer on a loaded 2-core machine than on a quiet one.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
