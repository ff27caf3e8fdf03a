// `npm run bench:footprint`: what the console costs to run. Starts it with `npm start` (built first when the sources
// changed, outside the timing) on a fresh SQLite database (or DATABASE_URL=postgresql://…, an empty database), and
// prints: the time from `npm start` to a healthy /api/health; resident memory idle, after the API load of
// `bench:api` (50 clients, 20 s) and the least within a minute of quiet after it; and each console page's first-load
// JavaScript as Chromium receives it (compressed bytes of the scripts the page loads, empty cache). CHROMIUM_PATH
// names the browser (default /usr/bin/chromium); BENCH_SKIP_LOAD=1 skips the API load.
import os from 'node:os';
import { chromium } from '@playwright/test';
import { buildIfNeeded } from './support/build-if-needed.mjs';
import {
  ADMIN,
  loadMessagesApi,
  prepareDatabase,
  residentKb,
  ROOT,
  startConsole,
  startSink,
} from './support/bench-console';

const IDLE_MS = 10_000;
const QUIET_MS = 60_000;
// The console's pages without an id in their path; /login is what a signed-out visitor loads first.
const ROUTES = [
  '/',
  '/integration/service-connections/connections',
  '/integration/service-connections/connections/new',
  '/integration/service-connections/services',
  '/integration/service-connections/services/new',
  '/integration/service-connections/tenants',
  '/integration/service-connections/tenants/new',
  '/outbox',
  '/email-robot',
  '/email-robot/new',
  '/settings/global-system-settings/emails',
  '/settings/api-keys',
  '/administrators',
  '/audit-log',
  '/account',
];

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

async function firstLoadJs(url: string): Promise<{ route: string; kb: number; files: number }[]> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const signIn = await browser.newContext({ baseURL: url });
    const page = await signIn.newPage();
    await page.goto('/login');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const state = await signIn.storageState();
    await signIn.close();
    const results: { route: string; kb: number; files: number }[] = [];
    for (const route of ['/login', ...ROUTES]) {
      // A new context each time: an empty cache, as on a first visit.
      const context = await browser.newContext({ baseURL: url, storageState: route === '/login' ? undefined : state });
      const tab = await context.newPage();
      const scripts: Promise<number>[] = [];
      tab.on('requestfinished', (request) => {
        if (request.resourceType() === 'script')
          scripts.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize));
      });
      await tab.goto(route, { waitUntil: 'networkidle' });
      const sizes = await Promise.all(scripts);
      results.push({ route, kb: sizes.reduce((a, b) => a + b, 0) / 1024, files: sizes.length });
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  buildIfNeeded(ROOT, { ...process.env });
  const sink = await startSink();
  const prepared = await prepareDatabase(sink.port);
  const server = await startConsole(prepared.env);
  try {
    const pid = server.child.pid ?? 0;
    console.log(
      `${prepared.provider}; load average (2-core machine shared with other work): ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log(`npm start (already built) to a healthy /api/health: ${(server.startMs / 1000).toFixed(1)} s`);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idle = residentKb(pid);
    console.log(
      `resident memory idle: server process ${mb(idle.largest)}; with npm and the start script around it ${mb(idle.total)}`,
    );
    if (!process.env.BENCH_SKIP_LOAD) {
      const load = await loadMessagesApi(server.url, prepared.apiKey, 50, 20);
      const after = residentKb(pid);
      console.log(
        `resident memory after 20 s of POST /api/v1/messages from 50 clients (${load.perSecond.toFixed(0)} req/s): server process ${mb(after.largest)}; in all ${mb(after.total)}`,
      );
      // Most of that is V8's heap grown under the load (garbage included); V8 gives it back once the process is quiet.
      let quiet = after.largest;
      for (let waited = 0; waited < QUIET_MS; waited += 5_000) {
        await new Promise((resolve) => setTimeout(resolve, 5_000));
        quiet = Math.min(quiet, residentKb(pid).largest);
      }
      console.log(`resident memory within ${QUIET_MS / 1000} s of quiet after the load: server process ${mb(quiet)}`);
    }
    console.log('first-load JavaScript (compressed, as transferred, empty cache):');
    for (const { route, kb, files } of await firstLoadJs(server.url))
      console.log(`  ${route.padEnd(52)} ${kb.toFixed(0).padStart(4)} kB in ${files} files`);
  } finally {
    await server.stop();
    await sink.close();
    prepared.cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
