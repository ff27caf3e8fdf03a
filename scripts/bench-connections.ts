// `npm run bench:connections`: how the Connections page's data function (`getConnections`, exactly what the page
// calls) scales. Seeds 10,000 connections into a fresh SQLite database (and PostgreSQL when TEST_POSTGRES_URL is
// set), times page 1 and searches, and compares with the same calls on a database of 10 connections.
// Prints median and p95 in ms and the ratio 10,000 : 10. Not a test: figures depend on the machine.
import { performance } from 'node:perf_hooks';
import { getConnections } from '@/lib/connections/get-connections';
import { termsOfName } from '@/lib/connections/search-terms';
import type { ConnectionListParams } from '@/lib/connections/list-params';
import { db } from '@/lib/db/prisma';
import { ensureBuiltInServices } from '@/lib/services/ensure-built-in-services';
import { type Provider, useFreshDatabase } from '../tests/support/use-database';

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const WARMUP = 30;
const TENANTS = 100;

interface Scenario {
  label: string;
  params: ConnectionListParams;
}

// Search terms chosen to match a realistic share of rows at 10,000: one tenant (1%), a name (0.1%), one service
// (25%), and a word that matches nothing.
const SCENARIOS: Scenario[] = [
  { label: 'page 1 (sorted by name)', params: { page: 1, sort: 'name', direction: 'asc' } },
  { label: 'page 1 sorted by tenant', params: { page: 1, sort: 'tenant', direction: 'asc' } },
  { label: 'search tenant "Fabrikam 042"', params: { page: 1, sort: 'name', direction: 'asc', query: 'Fabrikam 042' } },
  { label: 'search name "mailbox 0042"', params: { page: 1, sort: 'name', direction: 'asc', query: 'mailbox 0042' } },
  { label: 'search service "Graph API"', params: { page: 1, sort: 'name', direction: 'asc', query: 'graph api' } },
  { label: 'search no match "zzz"', params: { page: 1, sort: 'name', direction: 'asc', query: 'zzz' } },
];

// Both databases hold the same 4 services and 100 tenants; only the number of connections differs. Connection i
// is "Mailbox i" (5 digits) at tenant "Fabrikam {i / 100}" and service i mod 4. The 10-row database holds a sample
// of the same rows, chosen so that every search below finds something in it too: the comparison is the same work
// on a small and a large table, not a search that finds nothing against one that finds a page.
const SAMPLE = [420, 421, 4200, 4201, 4202, 1000, 2001, 3002, 5003, 9999];
const LARGE = 10_000;

async function seed(provider: Provider, indexes: number[]): Promise<void> {
  await ensureBuiltInServices();
  const services = await db().service.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } });
  await db().tenant.createMany({
    data: Array.from({ length: TENANTS }, (_, i) => ({
      name: `Fabrikam ${String(i).padStart(3, '0')}`,
      directoryId: `fabrikam${i}.onmicrosoft.com`,
      clientId: '00000000-0000-0000-0000-000000000000',
    })),
  });
  const tenants = await db().tenant.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } });
  const started = Date.now();
  for (let offset = 0; offset < indexes.length; offset += 1000) {
    const batch = indexes.slice(offset, offset + 1000).map((i) => {
      const minutesAgo = (i * 7919) % (60 * 24 * 90);
      const service = services[i % services.length];
      const tenant = tenants[Math.floor(i / (LARGE / TENANTS))];
      return {
        id: `bench-${i}`,
        name: `Mailbox ${String(i).padStart(5, '0')}`,
        nameCustomized: true,
        serviceId: service?.id ?? '',
        serviceName: service?.name ?? '',
        tenantId: tenant?.id ?? '',
        tenantName: tenant?.name ?? '',
        updatedAt: new Date(Date.now() - minutesAgo * 60_000),
      };
    });
    await db().serviceConnection.createMany({ data: batch });
    await db().serviceConnectionTerm.createMany({
      data: batch.flatMap((connection) =>
        termsOfName(connection.name).map((term) => ({ term, connectionId: connection.id })),
      ),
    });
  }
  // PostgreSQL plans with statistics that autovacuum keeps in any database that has been running a while; a bulk
  // load this fresh has none yet, so gather them as autovacuum would. (SQLite plans without statistics.)
  if (provider === 'postgresql') await db().$executeRawUnsafe('ANALYZE');
  if (indexes.length >= 1000) console.log(`  seeded ${indexes.length} connections in ${Date.now() - started} ms`);
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function measure(params: ConnectionListParams): Promise<{ median: number; p95: number; total: number }> {
  let total = 0;
  for (let i = 0; i < WARMUP; i += 1) total = (await getConnections(params)).total;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await getConnections(params);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), total };
}

async function run(provider: Provider, indexes: number[]) {
  const database = await useFreshDatabase(provider);
  try {
    await seed(provider, indexes);
    const results = new Map<string, Awaited<ReturnType<typeof measure>>>();
    for (const scenario of SCENARIOS) results.set(scenario.label, await measure(scenario.params));
    return results;
  } finally {
    await database.cleanup();
  }
}

const ms = (n: number) => n.toFixed(2).padStart(7);

async function bench(provider: Provider): Promise<string[]> {
  console.log(`\n${provider}: ${RUNS} timed runs per scenario after ${WARMUP} warm-up runs`);
  const small = await run(provider, SAMPLE);
  const large = await run(
    provider,
    Array.from({ length: LARGE }, (_, i) => i),
  );
  console.log(
    `  ${'scenario'.padEnd(32)} ${'found'.padStart(12)} | 10 rows: median     p95 | 10,000 rows: median     p95 | ratio (median, p95)`,
  );
  const over: string[] = [];
  for (const { label } of SCENARIOS) {
    const a = small.get(label);
    const b = large.get(label);
    if (!a || !b) continue;
    const ratio = b.median / a.median;
    const ratio95 = b.p95 / a.p95;
    if (ratio > 2) over.push(`${provider}: ${label} (${ratio.toFixed(2)}×)`);
    console.log(
      `  ${label.padEnd(32)} ${`${a.total} / ${b.total}`.padStart(12)} |      ${ms(a.median)} ${ms(a.p95)} |          ${ms(b.median)} ${ms(b.p95)} | ${ratio.toFixed(2)}× ${ratio95.toFixed(2)}×`,
    );
  }
  return over;
}

async function main(): Promise<void> {
  const providers: Provider[] = process.env.TEST_POSTGRES_URL ? ['sqlite', 'postgresql'] : ['sqlite'];
  if (!process.env.TEST_POSTGRES_URL) console.log('TEST_POSTGRES_URL is not set: SQLite only.');
  const over: string[] = [];
  for (const provider of providers) over.push(...(await bench(provider)));
  console.log(
    over.length === 0
      ? '\nEvery median at 10,000 rows is within 2× of the same call at 10 rows.'
      : `\nMedians more than 2× the 10-row time:\n  ${over.join('\n  ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
