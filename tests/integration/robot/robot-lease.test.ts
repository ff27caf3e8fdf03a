import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { claimRobotMailbox } from '@/lib/robot/claim-robot-mailbox';
import { robotOptions } from '@/lib/robot/robot-options';
import type { Sandbox } from '../../../sandbox/start-sandbox';
import { startTestSandbox } from '../../support/sandbox-connection';
import { spawnWorker, type Worker } from '../../support/spawn-worker';
import { SINGLE_SESSION_POSTGRES } from '../../support/postgres-sessions';
import { PROVIDERS, type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { ADELE, disableAllRobotMailboxes, robotConnection, robotMailbox } from './support/robot-fixtures';
import { startWebhookReceiver } from './support/webhook-receiver';
import { waitFor } from './support/wait-for';

// One instance at a time per mailbox: the lease is a conditional UPDATE, so of many simultaneous claims exactly one
// wins, on SQLite and on PostgreSQL; and two Switchboard processes sharing PostgreSQL hand every message on once.

describe.each(PROVIDERS)('robot mailbox leases on %s', (provider) => {
  let database: TestDatabase;
  let sandbox: Sandbox;
  beforeAll(async () => {
    process.env.SWITCHBOARD_LOG_LEVEL = 'error';
    // The webhook receivers run on loopback, which the SSRF guard refuses unless the operator allows it.
    process.env.SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS = '127.0.0.0/8';
    database = await useFreshDatabase(provider);
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
    await database?.cleanup();
  });

  it('of 25 simultaneous claims exactly one wins; a lost lease cannot be renewed or written', async () => {
    const connectionId = await robotConnection(sandbox, 'delegated');
    const { id } = await robotMailbox({ connectionId });
    const claims = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        claimRobotMailbox(id, robotOptions({ owner: `instance-${i}`, leaseSeconds: 1 })),
      ),
    );
    const winners = claims.filter((c) => c !== null);
    expect(winners).toHaveLength(1);
    const row = await db().robotMailbox.findUniqueOrThrow({ where: { id } });
    expect(row.leaseOwner).toBe(winners[0]?.lease.owner);

    // After it expires another instance takes over, and the first one finds out at its next write.
    await waitFor(
      'the lease to expire',
      async () =>
        ((await db().robotMailbox.findUniqueOrThrow({ where: { id } })).leaseUntil?.getTime() ?? 0) < Date.now(),
    );
    const next = await claimRobotMailbox(id, robotOptions({ owner: 'instance-next', leaseSeconds: 60 }));
    expect(next).not.toBeNull();
    expect(await winners[0]?.lease.write({ cursor: 'stale' })).toBe(false);
    expect(await winners[0]?.lease.keep()).toBe(false);
    expect(await winners[0]?.lease.release({ lastError: 'stale' })).toBe(false);
    expect(await db().robotMailbox.findUniqueOrThrow({ where: { id } })).toMatchObject({
      leaseOwner: 'instance-next',
      cursor: null,
      lastError: null,
    });
    await next?.lease.release({});
    await disableAllRobotMailboxes();
  });
});

describe.skipIf(SINGLE_SESSION_POSTGRES)('two Switchboard processes on one PostgreSQL database', () => {
  let database: TestDatabase;
  let sandbox: Sandbox;
  const workers: Worker[] = [];
  beforeAll(async () => {
    database = await useFreshDatabase('postgresql');
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.stdin.end();
    await Promise.all(
      workers.map(
        (w) => new Promise((resolve) => (w.child.exitCode !== null ? resolve(null) : w.child.once('exit', resolve))),
      ),
    );
    await sandbox?.close();
    await database?.cleanup();
  });

  it('hand every message of five mailboxes on exactly once', async () => {
    const receiver = await startWebhookReceiver();
    const connectionId = await robotConnection(sandbox, 'delegated');
    const folders = ['Inbox', 'Archive', 'Junk Email', 'Deleted Items', 'Sent Items'];
    const wellKnown = ['inbox', 'archive', 'junkemail', 'deleteditems', 'sentitems'];
    const ids: string[] = [];
    for (const folder of folders) ids.push((await robotMailbox({ connectionId, folder, webhookUrl: receiver.url })).id);
    // Poll far more often than the console allows, to make the two instances compete for every mailbox.
    await db().robotMailbox.updateMany({ where: { id: { in: ids } }, data: { pollIntervalSeconds: 1 } });

    const env = {
      DATABASE_URL: database.postgresUrl,
      SWITCHBOARD_DATA_DIR: database.dataDir,
      SWITCHBOARD_LOG_LEVEL: 'error',
    };
    for (let i = 0; i < 2; i++) {
      const worker = spawnWorker(
        'tests/integration/robot/support/robot-worker.ts',
        [JSON.stringify({ tickMs: 20 })],
        env,
      );
      workers.push(worker);
      expect(await worker.nextLine()).toBe('ready');
    }
    for (let round = 1; round <= 4; round++) {
      for (const folder of wellKnown)
        await sandbox.control.addMessage(ADELE.username, { folder, subject: `${folder} ${round}` });
    }

    await waitFor(
      '20 messages handed on and marked',
      async () => (await db().robotMessage.count({ where: { mailboxAction: 'done' } })) === 20,
      30_000,
    );
    const ids20 = receiver.requests.map((r) => r.json.message.internetMessageId);
    expect(ids20).toHaveLength(20);
    expect(new Set(ids20).size).toBe(20);
    for (const folder of wellKnown)
      expect(sandbox.control.readMailbox(ADELE.username, folder).every((m) => m.isRead)).toBe(true);
    await receiver.close();
  });
});
