import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { type Sandbox, startSandbox } from '../../../sandbox/start-sandbox';
import { SANDBOX_TLS_DIR } from '../../support/sandbox-tls';
import { spawnWorker } from '../../support/spawn-worker';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';

async function runSeed(database: TestDatabase, port: number): Promise<string> {
  const worker = spawnWorker('scripts/seed-demo.ts', [], {
    SWITCHBOARD_DATA_DIR: database.dataDir,
    SANDBOX_PORT: String(port),
    SANDBOX_DATA_DIR: SANDBOX_TLS_DIR,
    DATABASE_URL: undefined,
  });
  const first = await worker.nextLine();
  await new Promise((resolve) => worker.child.once('exit', resolve));
  return first;
}

describe('npm run demo:seed', () => {
  let sandbox: Sandbox;
  let database: TestDatabase;
  beforeAll(async () => {
    database = await useFreshDatabase('sqlite');
    sandbox = await startSandbox({ dataDir: SANDBOX_TLS_DIR });
  });
  afterAll(async () => {
    await sandbox?.close();
    await database?.cleanup();
  });

  it('creates a ready Custom-cloud tenant pointing at the running sandbox, once', async () => {
    const port = Number(new URL(sandbox.info.authorityHost).port);
    expect(await runSeed(database, port)).toContain('points at the sandbox');
    expect(await runSeed(database, port)).toContain('points at the sandbox');
    const tenants = await db().tenant.findMany({ include: { connections: true } });
    expect(tenants).toHaveLength(1);
    expect(tenants[0]).toMatchObject({
      name: 'Contoso (sandbox)',
      cloud: 'custom',
      authorityHost: sandbox.info.authorityHost,
      directoryId: sandbox.info.tenantId,
    });
    // Exchange, Graph API, Microsoft 365 (for the E-mail Robot) and client credentials.
    expect(tenants[0]?.connections).toHaveLength(4);
    const { verifyTenantCredentials } = await import('@/lib/entra/verify-tenant-credentials');
    expect((await verifyTenantCredentials(tenants[0]!.id)).ok).toBe(true);
  });
});
