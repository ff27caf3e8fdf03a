import path from 'node:path';

// The consoles the end-to-end tests run against, each with its own data folder under .tmp/e2e:
// `main` has a bootstrap administrator; `fresh` starts empty, for the first-run flow.

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const basePort = Number(process.env.E2E_BASE_PORT ?? 3310);

export const ADMIN = { email: 'e2e-admin@switchboard.test', password: 'e2e-admin-password-1' };

export const SERVERS = {
  main: { port: basePort, dataDir: path.join(ROOT, '.tmp', 'e2e', 'main') },
  fresh: { port: basePort + 1, dataDir: path.join(ROOT, '.tmp', 'e2e', 'fresh') },
} as const;

export function urlOf(server: keyof typeof SERVERS): string {
  return `http://localhost:${SERVERS[server].port}`;
}
