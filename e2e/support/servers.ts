import path from 'node:path';

// The consoles the end-to-end tests run against, each with its own data folder under .tmp/e2e:
// `main` has a bootstrap administrator; `fresh` starts empty, for the first-run flow.

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
const basePort = Number(process.env.E2E_BASE_PORT ?? 3310);

export const ADMIN = { email: 'e2e-admin@switchboard.test', password: 'e2e-admin-password-1' };

export const SANDBOX_TLS_DIR = path.join(ROOT, '.tmp', 'sandbox-tls');

/** The Microsoft sandbox the consoles under test talk to (identity, Graph and control API on one HTTPS port). */
export const SANDBOX = {
  port: basePort + 10,
  smtpPort: basePort + 11,
  get authorityHost() {
    return `https://127.0.0.1:${this.port}`;
  },
  get controlUrl() {
    return `https://127.0.0.1:${this.port}/_sandbox`;
  },
};

export const SERVERS = {
  main: { port: basePort, relayPort: basePort + 20, dataDir: path.join(ROOT, '.tmp', 'e2e', 'main') },
  fresh: { port: basePort + 1, relayPort: basePort + 21, dataDir: path.join(ROOT, '.tmp', 'e2e', 'fresh') },
} as const;

export function urlOf(server: keyof typeof SERVERS): string {
  return `http://localhost:${SERVERS[server].port}`;
}
