import { defineConfig } from '@playwright/test';
import { ADMIN, ROOT, SANDBOX, SANDBOX_TLS_DIR, SERVERS, urlOf } from './e2e/support/servers';
import { ensureCertificates } from './sandbox/tls/ensure-certificates';
import { buildIfNeeded } from './scripts/support/build-if-needed.mjs';

// Built once here, before any console starts (a no-op when the build matches the sources).
buildIfNeeded(ROOT, { ...process.env });

// The sandbox's CA must exist before the consoles start: Node reads NODE_EXTRA_CA_CERTS once, at start-up.
const sandboxTls = ensureCertificates(SANDBOX_TLS_DIR);

// Every console starts the way users start it: `npm start` (the build above makes its own build step a no-op), which
// runs the server entry compiled at build time.
const serverCommand = 'npm start';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: urlOf('main'),
    trace: 'retain-on-failure',
    // The sandbox's sign-in pages use its own CA, which this Chromium profile does not know.
    ignoreHTTPSErrors: true,
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: 'node --import tsx sandbox/cli.ts',
      cwd: ROOT,
      url: `${SANDBOX.controlUrl}/info`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        SANDBOX_PORT: String(SANDBOX.port),
        SANDBOX_SMTP_PORT: String(SANDBOX.smtpPort),
        SANDBOX_DATA_DIR: SANDBOX_TLS_DIR,
        SANDBOX_REDIRECT_URIS: [urlOf('main'), urlOf('fresh')]
          .map((u) => `${u}/wm/externalAuth/redirect.html`)
          .join(','),
      },
    },
    {
      command: serverCommand,
      cwd: ROOT,
      url: `${urlOf('main')}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        NODE_ENV: 'production',
        PORT: String(SERVERS.main.port),
        HOSTNAME: '127.0.0.1',
        SWITCHBOARD_RELAY_HOST: '127.0.0.1',
        SWITCHBOARD_RELAY_PORT: String(SERVERS.main.relayPort),
        SWITCHBOARD_DATA_DIR: SERVERS.main.dataDir,
        SWITCHBOARD_ADMIN_EMAIL: ADMIN.email,
        SWITCHBOARD_ADMIN_PASSWORD: ADMIN.password,
        SWITCHBOARD_LOG_LEVEL: 'warn',
        NODE_EXTRA_CA_CERTS: sandboxTls.caFile,
        // The E-mail Robot spec's webhook receiver runs on loopback, which webhooks may reach only when allowed.
        SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8',
      },
    },
    {
      // The first-run console starts exactly as the README says: `npm start`.
      command: 'npm start',
      cwd: ROOT,
      url: `${urlOf('fresh')}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        NODE_ENV: 'production',
        PORT: String(SERVERS.fresh.port),
        HOSTNAME: '127.0.0.1',
        SWITCHBOARD_RELAY_HOST: '127.0.0.1',
        SWITCHBOARD_RELAY_PORT: String(SERVERS.fresh.relayPort),
        SWITCHBOARD_DATA_DIR: SERVERS.fresh.dataDir,
        SWITCHBOARD_LOG_LEVEL: 'warn',
        NODE_EXTRA_CA_CERTS: sandboxTls.caFile,
      },
    },
  ],
});
