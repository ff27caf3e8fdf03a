import { defineConfig } from '@playwright/test';
import { ADMIN, ROOT, SERVERS, urlOf } from './e2e/support/servers';

const serverCommand = 'node --import ./scripts/support/register-server-only.mjs --import tsx server.ts';
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
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
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
        SWITCHBOARD_DATA_DIR: SERVERS.main.dataDir,
        SWITCHBOARD_ADMIN_EMAIL: ADMIN.email,
        SWITCHBOARD_ADMIN_PASSWORD: ADMIN.password,
        SWITCHBOARD_LOG_LEVEL: 'warn',
      },
    },
    {
      command: serverCommand,
      cwd: ROOT,
      url: `${urlOf('fresh')}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        NODE_ENV: 'production',
        PORT: String(SERVERS.fresh.port),
        HOSTNAME: '127.0.0.1',
        SWITCHBOARD_DATA_DIR: SERVERS.fresh.dataDir,
        SWITCHBOARD_LOG_LEVEL: 'warn',
      },
    },
  ],
});
