import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import type { Sandbox } from '../../../sandbox/start-sandbox';
import { startTestSandbox } from '../../support/sandbox-connection';
import { spawnWorker, type Worker } from '../../support/spawn-worker';
import { needsSessions } from '../../support/postgres-sessions';
import { PROVIDERS, type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { ADELE, disableAllRobotMailboxes, robotConnection, robotMailbox } from './support/robot-fixtures';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';
import { waitFor } from './support/wait-for';

// Switchboard killed (SIGKILL) in the middle of a message's life, then started again: the stored hand-off state
// decides what is left to do, so a message the receiver accepted is never sent to it again.

describe.each(PROVIDERS)('E-mail Robot across a crash on %s', (provider) => {
  // Killing a process mid-transaction needs a server with one session per connection.
  if (needsSessions(provider)) return void it.skip('needs a PostgreSQL with several sessions (not PGlite)');
  let database: TestDatabase;
  let sandbox: Sandbox;
  let receiver: WebhookReceiver;
  const workers: Worker[] = [];

  async function startWorker(settings: Record<string, number>): Promise<Worker> {
    const env = {
      DATABASE_URL: database.postgresUrl,
      SWITCHBOARD_DATA_DIR: database.dataDir,
      SWITCHBOARD_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    };
    const worker = spawnWorker('tests/integration/robot/support/robot-worker.ts', [JSON.stringify(settings)], env);
    workers.push(worker);
    if (process.env.TEST_LOG_LEVEL) {
      worker.child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
      worker.child.stdout.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    }
    while ((await worker.nextLine()) !== 'ready');
    return worker;
  }

  async function kill(worker: Worker): Promise<void> {
    if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
    const exited = new Promise((resolve) => worker.child.once('exit', resolve));
    worker.child.kill('SIGKILL');
    await exited;
  }

  beforeAll(async () => {
    process.env.SWITCHBOARD_LOG_LEVEL = 'error';
    // The webhook receivers run on loopback, which the SSRF guard refuses unless the operator allows it.
    process.env.SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS = '127.0.0.0/8';
    database = await useFreshDatabase(provider);
  });
  afterAll(async () => database?.cleanup());
  beforeEach(async () => {
    sandbox = await startTestSandbox();
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) await kill(worker);
    await disableAllRobotMailboxes();
    await receiver.close();
    await sandbox.close();
  });

  it('killed after the hand-off and before the mark: the restarted instance only marks', async () => {
    const connectionId = await robotConnection(sandbox, 'delegated');
    const { id } = await robotMailbox({ connectionId, afterProcessing: 'mark_read', webhookUrl: receiver.url });
    // The receiver accepts, and at that moment Graph starts refusing (429): the mark cannot follow the hand-off.
    receiver.beforeAnswer(() =>
      sandbox.control.injectThrottle({ service: 'graph', count: 1_000_000, retryAfterSeconds: 1 }),
    );
    await sandbox.control.addMessage(ADELE.username, { subject: 'Handed off, then the crash' });

    const first = await startWorker({ tickMs: 100, leaseSeconds: 3 });
    const message = await waitFor('the hand-off to be recorded', () =>
      db().robotMessage.findFirst({
        where: { mailboxId: id, handoffState: 'delivered', mailboxAction: 'pending', mailboxActionAttempts: 0 },
      }),
    );
    await waitFor(
      'a refused mark',
      async () => (await db().robotMailbox.findUniqueOrThrow({ where: { id } })).throttledUntil !== null,
    );
    await kill(first);
    expect(receiver.accepted()).toHaveLength(1);
    expect(sandbox.control.readMailbox(ADELE.username)[0]?.isRead).toBe(false);

    sandbox.control.injectThrottle({ service: 'graph', count: 0, retryAfterSeconds: 0 });
    await startWorker({ tickMs: 100, leaseSeconds: 3 });
    await waitFor(
      'the mark after the restart',
      async () => (await db().robotMessage.findUniqueOrThrow({ where: { id: message.id } })).mailboxAction === 'done',
      20_000,
    );

    expect(sandbox.control.readMailbox(ADELE.username)[0]?.isRead).toBe(true);
    expect(receiver.requests).toHaveLength(1);
    expect(await db().robotMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      handoffState: 'delivered',
      handoffAttempts: 1,
    });
  });

  it('killed while the receiver had not answered: retried under the same delivery id once the dead lease ends', async () => {
    const connectionId = await robotConnection(sandbox, 'delegated');
    const { id } = await robotMailbox({
      connectionId,
      afterProcessing: 'move',
      moveToFolder: 'Done',
      webhookUrl: receiver.url,
    });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    receiver.beforeAnswer((request) => (receiver.requests.indexOf(request) === 0 ? held : undefined));
    await sandbox.control.addMessage(ADELE.username, { subject: 'Crash while the receiver thinks' });

    const first = await startWorker({ tickMs: 100, leaseSeconds: 3 });
    await waitFor('the first delivery attempt', () => receiver.requests.length === 1);
    await kill(first);
    release();
    const leased = await db().robotMailbox.findUniqueOrThrow({ where: { id } });
    expect(leased.leaseUntil?.getTime()).toBeGreaterThan(Date.now());

    await startWorker({ tickMs: 100, leaseSeconds: 3 });
    await waitFor(
      'the move after the restart',
      () => sandbox.control.readMailbox(ADELE.username, 'inbox').length === 0,
      20_000,
    );
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.accepted()).toHaveLength(1);
    expect(receiver.requests[1]?.headers['x-switchboard-delivery']).toBe(
      receiver.requests[0]?.headers['x-switchboard-delivery'],
    );
    expect(receiver.requests[1]?.body).toBe(receiver.requests[0]?.body);
    expect(sandbox.control.readMailbox(ADELE.username, 'Done')).toHaveLength(1);
    // The new instance waited for the dead one's lease to end before it touched the mailbox.
    const after = await waitFor('the cycle to finish', () =>
      db().robotMailbox.findFirst({ where: { id, leaseOwner: null, lastPollAt: { not: null } } }),
    );
    expect(after.lastPollAt?.getTime()).toBeGreaterThanOrEqual(leased.leaseUntil?.getTime() ?? Infinity);
  });
});
