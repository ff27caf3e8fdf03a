import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import type { Sandbox } from '../../../sandbox/start-sandbox';
import { ADELE, createSandboxConnection, signInConnection, startTestSandbox } from '../../support/sandbox-connection';
import { spawnWorker } from '../../support/spawn-worker';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';

describe('token refresh across processes on PostgreSQL', () => {
  let sandbox: Sandbox;
  let database: TestDatabase;
  beforeAll(async () => {
    database = await useFreshDatabase('postgresql');
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
    await database?.cleanup();
  });

  it('two processes asking 25 times each at once cause exactly one refresh grant', async () => {
    const { connectionId } = await createSandboxConnection(sandbox, 'graph-mail');
    sandbox.control.setAccessTokenLifetime(1);
    expect((await signInConnection(connectionId, ADELE)).outcome.ok).toBe(true);
    sandbox.control.setAccessTokenLifetime(3600);
    sandbox.control.resetCounters();

    const env = {
      DATABASE_URL: database.postgresUrl,
      SWITCHBOARD_DATA_DIR: database.dataDir,
      SWITCHBOARD_LOG_LEVEL: 'error',
    };
    const workers = [
      spawnWorker('tests/support/token-worker.ts', [connectionId, '25'], env),
      spawnWorker('tests/support/token-worker.ts', [connectionId, '25'], env),
    ];
    for (const worker of workers) expect(await worker.nextLine()).toBe('ready');
    for (const worker of workers) worker.child.stdin.write('go\n');
    const outputs = await Promise.all(
      workers.map(async (w) => JSON.parse(await w.nextLine()) as { ok: boolean; tokens: string[] }),
    );

    expect(outputs.map((o) => o.ok)).toEqual([true, true]);
    expect(sandbox.control.tokenRequestCount('refresh_token')).toBe(1);
    // Both processes ended up with the one refreshed token.
    expect(new Set(outputs.flatMap((o) => o.tokens)).size).toBe(1);
    const row = await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.state).toBe('authenticated');
  });
});
