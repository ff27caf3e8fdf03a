import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { db } from '@/lib/db/prisma';
import type { Sandbox } from '../../../sandbox/start-sandbox';
import { SINGLE_SESSION_POSTGRES } from '../../support/postgres-sessions';
import { ADELE, createSandboxConnection, signInConnection, startTestSandbox } from '../../support/sandbox-connection';
import { spawnWorker, type Worker } from '../../support/spawn-worker';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { saveSettings } from '../mail/support/save-settings';
import { waitFor } from '../mail/support/wait-for';
import { MEGAN, robotConnection, robotMailbox } from '../robot/support/robot-fixtures';
import { startWebhookReceiver, type WebhookReceiver } from '../robot/support/webhook-receiver';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// Two Switchboard instances on one PostgreSQL database, as compose.yaml runs them. 1,000 messages go in through the
// sending API, half to each instance, out through Microsoft Graph (the sandbox); inbound mail reaches a robot mailbox
// both instances watch. Each message must leave exactly once (counted by Message-ID in the sender's Sent Items), each
// inbound message must be handed on once, and each connection's token refreshed once for its lifetime. Then again,
// killing one instance in the middle: nothing is lost, and the duplicates (same Message-ID) are counted and printed.

const MESSAGES = Number(process.env.TWO_INSTANCES_MESSAGES ?? 1000);
const INBOUND = 40;
// Shorter than the console's (60 s, 120 s) for the kill test only, yet long enough for a loaded machine.
const LEASE_MS = 20_000;
const ROBOT_LEASE_SECONDS = 20;

describe.skipIf(SINGLE_SESSION_POSTGRES)('two instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let sandbox: Sandbox;
  let receiver: WebhookReceiver;
  let apiKey = '';
  const instances: Worker[] = [];

  beforeAll(async () => {
    // The webhook receiver runs on loopback, which the webhook guard refuses unless the operator allows it (the
    // instances inherit this environment).
    process.env.SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS = '127.0.0.0/8';
    database = await useFreshDatabase('postgresql');
    sandbox = await startTestSandbox();
    receiver = await startWebhookReceiver();
    // Both sign-ins leave an access token that is already expired: the first use needs one refresh grant each.
    sandbox.control.setAccessTokenLifetime(1);
    const { connectionId: sending } = await createSandboxConnection(sandbox, 'graph-mail');
    expect((await signInConnection(sending, ADELE)).outcome.ok).toBe(true);
    const receiving = await robotConnection(sandbox, 'delegated', MEGAN);
    sandbox.control.setAccessTokenLifetime(3600);
    await saveSettings({ connectionType: 'graph', connectionId: sending, senderAddress: ADELE.username });
    const { id } = await robotMailbox({ connectionId: receiving, webhookUrl: receiver.url });
    await db().robotMailbox.update({ where: { id }, data: { pollIntervalSeconds: 1 } });
    apiKey = (await createApiKey('Two instances', { id: 'admin', email: 'admin@switchboard.test' })).key;
  });
  afterAll(async () => {
    for (const instance of instances) if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
    await receiver?.close();
    await sandbox?.close();
    await database?.cleanup();
  });

  /** An instance with the console's defaults, or with short leases (`crashTest`) so the survivor of a kill takes over soon. */
  async function startInstance(crashTest = false): Promise<{ worker: Worker; port: number }> {
    const env = {
      DATABASE_URL: database.postgresUrl,
      SWITCHBOARD_DATA_DIR: database.dataDir,
      SWITCHBOARD_LOG_LEVEL: 'error',
    };
    const settings = crashTest
      ? { leaseMs: LEASE_MS, robotLeaseSeconds: ROBOT_LEASE_SECONDS, robotTickMs: 200 }
      : { robotTickMs: 200 };
    const worker = spawnWorker('tests/integration/ops/support/console-instance.ts', [JSON.stringify(settings)], env);
    instances.push(worker);
    const line = await worker.nextLine();
    expect(line).toMatch(/^ready \d+$/);
    return { worker, port: Number(line.split(' ')[1]) };
  }

  async function stop(worker: Worker): Promise<void> {
    const exited = new Promise((resolve) => worker.child.once('exit', resolve));
    worker.child.stdin.end();
    await exited;
  }

  /** Sends `count` messages through the API, alternating between the ports, 8 requests at a time. */
  async function sendThroughApi(ports: number[], round: string, count: number): Promise<string[]> {
    const accepted: string[] = [];
    let next = 0;
    const poster = async () => {
      for (let i = next++; i < count; i = next++) {
        const response = await fetch(`http://127.0.0.1:${ports[i % ports.length]}/api/v1/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ to: `r${i}@example.com`, subject: `${round} ${i}`, text: `Message ${i} of ${round}` }),
        });
        expect(response.status).toBe(202);
        accepted.push(((await response.json()) as { messageId: string }).messageId);
      }
    };
    await Promise.all(Array.from({ length: 8 }, poster));
    return accepted;
  }

  async function addInbound(round: string, count: number): Promise<void> {
    for (let i = 0; i < count; i++)
      await sandbox.control.addMessage(MEGAN.username, { subject: `${round} inbound ${i}`, text: 'hello' });
  }

  /** How often each of `messageIds` left through Graph: from the sender's Sent Items in the sandbox. */
  function sentCounts(messageIds: string[]): Map<string, number> {
    const counts = new Map(messageIds.map((id) => [id, 0]));
    for (const message of sandbox.control.readMailbox(ADELE.username, 'sentitems')) {
      const id = message.internetMessageId;
      if (counts.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  function handedOn(round: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const request of receiver.accepted().filter((r) => r.json.message.subject.startsWith(`${round} `))) {
      counts.set(request.json.message.internetMessageId, (counts.get(request.json.message.internetMessageId) ?? 0) + 1);
    }
    return counts;
  }

  it(`${MESSAGES} messages split between two instances each leave exactly once`, async () => {
    sandbox.control.resetCounters();
    const [a, b] = [await startInstance(), await startInstance()];
    await addInbound('first', INBOUND / 2);
    const started = Date.now();
    const accepted = await sendThroughApi([a.port, b.port], 'first', MESSAGES);
    const postedMs = Date.now() - started;
    await addInbound('first', INBOUND / 2);
    expect(new Set(accepted).size).toBe(MESSAGES);

    await waitFor(
      'every message to be Sent',
      async () => (await db().outboundMessage.count({ where: { state: 'sent' } })) === MESSAGES,
      150_000,
      250,
    );
    const sentMs = Date.now() - started;
    await waitFor('every inbound message to be handed on', () => handedOn('first').size === INBOUND, 60_000, 250);

    const counts = sentCounts(accepted);
    expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
    expect(sandbox.control.readMailbox(ADELE.username, 'sentitems')).toHaveLength(MESSAGES);
    // Both instances did part of the work.
    const workers = await db().outboundAttempt.groupBy({ by: ['worker'], _count: { _all: true } });
    expect(workers).toHaveLength(2);
    expect([...handedOn('first').values()].every((n) => n === 1)).toBe(true);
    // One refresh grant per connection (sending, receiving) for the whole run, whichever instance needed it first.
    expect(sandbox.control.tokenRequestCount('refresh_token')).toBe(2);
    console.log(
      `two instances: ${MESSAGES} accepted in ${postedMs} ms and sent in ${sentMs} ms, once each (attempts by worker: ${workers.map((w) => w._count._all).join(' + ')}), ${INBOUND} inbound handed on once, 2 refresh grants`,
    );
    await Promise.all([stop(a.worker), stop(b.worker)]);
  }, 240_000);

  it(`one of two instances killed mid-way: all ${MESSAGES} messages leave, duplicates are counted`, async () => {
    const [a, b] = [await startInstance(true), await startInstance(true)];
    const sentBefore = await db().outboundMessage.count({ where: { state: 'sent' } });
    await addInbound('second', INBOUND);
    const accepted = await sendThroughApi([a.port, b.port], 'second', MESSAGES);
    await waitFor(
      'a third to be Sent',
      async () => (await db().outboundMessage.count({ where: { state: 'sent' } })) - sentBefore >= MESSAGES / 3,
      120_000,
      5,
    );
    a.worker.child.kill('SIGKILL');
    await new Promise((resolve) => a.worker.child.once('exit', resolve));

    await waitFor(
      'every message to be Sent by the survivor',
      async () => (await db().outboundMessage.count({ where: { state: 'sent' } })) === sentBefore + MESSAGES,
      150_000,
      250,
    );
    await waitFor('every inbound message to be handed on', () => handedOn('second').size === INBOUND, 60_000, 250);

    const counts = sentCounts(accepted);
    const lost = [...counts.entries()].filter(([, n]) => n === 0);
    const duplicates = [...counts.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const inboundDuplicates = [...handedOn('second').values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    console.log(
      `one instance killed after a third: ${MESSAGES} sent, 0 lost, ${duplicates} outbound duplicate(s) by Message-ID, ${inboundDuplicates} inbound duplicate hand-off(s)`,
    );
    expect(lost).toEqual([]);
    // A duplicate can only be a message the killed instance was sending: Graph had it, the record of it was lost.
    const interrupted = await db().outboundAttempt.findMany({
      where: { outcome: 'interrupted' },
      select: { message: { select: { messageIdHeader: true } } },
    });
    const wasInFlight = new Set(interrupted.map((a) => a.message.messageIdHeader));
    expect([...counts.entries()].filter(([id, n]) => n > 1 && !wasInFlight.has(id))).toEqual([]);
    await stop(b.worker);
  }, 240_000);
});
