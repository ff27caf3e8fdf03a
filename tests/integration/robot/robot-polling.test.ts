import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { getAccessToken } from '@/lib/entra/get-access-token';
import { getRobotMessages } from '@/lib/robot/get-robot-messages';
import { pollRobotMailboxNow } from '@/lib/robot/poll-robot-mailbox-now';
import { type RobotPoller, startRobotPoller } from '@/lib/robot/start-robot-poller';
import { verifyWebhookSignature } from '@/lib/robot/verify-webhook-signature';
import type { Sandbox } from '../../../sandbox/start-sandbox';
import { startTestSandbox } from '../../support/sandbox-connection';
import { PROVIDERS, type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { ADELE, disableAllRobotMailboxes, robotConnection, robotMailbox } from './support/robot-fixtures';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';
import { waitFor } from './support/wait-for';

// The E-mail Robot end to end against the sandbox's Graph: a real poller, real Graph calls, a real HTTP receiver.

const fast = { tickMs: 100, retryDelayMs: () => 200 };

async function pollNow(id: string) {
  const result = await pollRobotMailboxNow(id);
  if (!result.ok || !result.ran) throw new Error(`poll did not run: ${JSON.stringify(result)}`);
  return result.summary;
}

describe.each(PROVIDERS)('E-mail Robot polling on %s', (provider) => {
  let database: TestDatabase;
  let sandbox: Sandbox;
  let receiver: WebhookReceiver;
  let poller: RobotPoller | undefined;

  beforeAll(async () => {
    process.env.SWITCHBOARD_LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'error';
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
    await poller?.stop();
    poller = undefined;
    await disableAllRobotMailboxes();
    await receiver.close();
    await sandbox.close();
  });

  it('hands a new message to the webhook within one poll interval, signed, then moves it; never twice', async () => {
    const connectionId = await robotConnection(sandbox, 'delegated');
    const { id, secret } = await robotMailbox({
      connectionId,
      afterProcessing: 'move',
      moveToFolder: 'Processed',
      webhookUrl: receiver.url,
      pollIntervalSeconds: 10,
    });
    poller = startRobotPoller(fast);
    await waitFor(
      'the first (empty) sync',
      async () => (await db().robotMailbox.findUniqueOrThrow({ where: { id } })).lastSuccessAt,
    );

    const sent = await sandbox.control.addMessage(ADELE.username, {
      from: 'customer@fabrikam.example',
      cc: ['audit@contoso.onmicrosoft.com'],
      subject: 'Order 4711 — please confirm',
      text: 'Hello, please confirm order 4711.',
      attachments: [
        {
          name: 'order.pdf',
          contentType: 'application/pdf',
          contentBase64: Buffer.from('%PDF-1.4 order').toString('base64'),
        },
      ],
    });
    const arrived = Date.now();
    const [delivery] = await waitFor(
      'the webhook delivery',
      () => receiver.accepted().length > 0 && receiver.accepted(),
      12_000,
    );
    // One poll interval (10 s) after the previous poll, plus the poller's tick and the work itself.
    expect(Date.now() - arrived).toBeLessThanOrEqual(10_000 + 2_000);

    // Signed, verifiable, and the payload carries what was asked for.
    expect(
      verifyWebhookSignature(
        secret,
        {
          signature: String(delivery?.headers['x-switchboard-signature']),
          timestamp: String(delivery?.headers['x-switchboard-timestamp']),
        },
        delivery?.body ?? '',
      ),
    ).toEqual({ ok: true });
    expect(
      verifyWebhookSignature(
        'another-secret-of-16+',
        {
          signature: String(delivery?.headers['x-switchboard-signature']),
          timestamp: String(delivery?.headers['x-switchboard-timestamp']),
        },
        delivery?.body ?? '',
      ),
    ).toEqual({ ok: false, reason: 'mismatch' });
    const body = delivery?.json;
    expect(body?.event).toBe('email.received');
    expect(body?.mailbox).toMatchObject({ id, address: ADELE.username });
    expect(body?.message).toMatchObject({
      internetMessageId: sent.internetMessageId,
      subject: 'Order 4711 — please confirm',
      from: { address: 'customer@fabrikam.example' },
      to: [{ address: ADELE.username }],
      cc: [{ address: 'audit@contoso.onmicrosoft.com' }],
      attachments: [{ name: 'order.pdf', contentType: 'application/pdf', isInline: false }],
      mime: { included: true },
    });
    expect(Buffer.from(body?.message.mime.base64 ?? '', 'base64').toString('utf8')).toBe(sent.raw);
    expect(delivery?.headers['x-switchboard-delivery']).toBe(body?.id);

    // Then moved, into a folder the robot created. (The robot records the move once Graph has answered: wait for that,
    // not for the sandbox, which sees the move a moment earlier.)
    await waitFor(
      'the move to be recorded',
      async () => (await db().robotMessage.findFirst({ where: { mailboxId: id } }))?.mailboxAction === 'done',
    );
    expect(sandbox.control.readMailbox(ADELE.username, 'inbox')).toHaveLength(0);
    expect(sandbox.control.readMailbox(ADELE.username, 'Processed').map((m) => m.subject)).toEqual([
      'Order 4711 — please confirm',
    ]);
    const stored = await db().robotMessage.findFirstOrThrow({ where: { mailboxId: id } });
    expect(stored).toMatchObject({
      handoffState: 'delivered',
      handoffAttempts: 1,
      mailboxAction: 'done',
      internetMessageId: sent.internetMessageId,
      mimeStored: true,
    });
    expect(Buffer.from(stored.mime ?? new Uint8Array()).toString('utf8')).toBe(sent.raw);

    // Visible in the console, searchable; more polls change nothing.
    expect((await getRobotMessages(id, { query: 'order 4711', page: 1 })).total).toBe(1);
    expect((await getRobotMessages(id, { query: 'fabrikam.example', page: 1 })).total).toBe(1);
    expect((await getRobotMessages(id, { query: 'nothing-like-this', page: 1 })).total).toBe(0);
    await poller.stop();
    poller = undefined;
    for (let i = 0; i < 3; i++) await pollNow(id);
    expect(receiver.requests).toHaveLength(1);
    const mailbox = await db().robotMailbox.findUniqueOrThrow({ where: { id } });
    expect(mailbox).toMatchObject({ messagesSeen: 1, lastError: null });
    expect(mailbox.lastPollAt).not.toBeNull();
  });

  it('restarts the sync after 410 SyncStateNotFound without handing anything on again', async () => {
    const connectionId = await robotConnection(sandbox, 'delegated');
    const { id } = await robotMailbox({ connectionId, afterProcessing: 'mark_read', webhookUrl: receiver.url });
    await sandbox.control.addMessage(ADELE.username, { subject: 'First' });
    await sandbox.control.addMessage(ADELE.username, { subject: 'Second' });
    expect(await pollNow(id)).toMatchObject({ newMessages: 2, handedOff: 2, actionsDone: 2, error: null });
    expect(sandbox.control.readMailbox(ADELE.username).map((m) => m.isRead)).toEqual([true, true]);

    // Someone marks "First" unread again: the robot must still recognise it after the resync.
    const token = await getAccessToken(connectionId, { resource: 'https://graph.microsoft.com' });
    if (!token.ok) throw new Error(token.message);
    const first = sandbox.control.readMailbox(ADELE.username).find((m) => m.subject === 'First');
    const patched = await fetch(`${sandbox.info.graphBaseUrl}/v1.0/me/messages/${first?.id}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token.accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ isRead: false }),
    });
    expect(patched.status).toBe(200);

    sandbox.control.invalidateDeltaTokens(ADELE.username);
    await sandbox.control.addMessage(ADELE.username, { subject: 'Third' });
    const summary = await pollNow(id);
    expect(summary).toMatchObject({ resynced: true, newMessages: 1, handedOff: 1, error: null });
    expect(receiver.requests.map((r) => r.json.message.subject).sort()).toEqual(['First', 'Second', 'Third']);
    expect(await db().robotMessage.count({ where: { mailboxId: id } })).toBe(3);
    expect((await db().robotMailbox.findUniqueOrThrow({ where: { id } })).cursor).toMatch(/\$deltatoken=/);
  });

  it('honours throttling (429 Retry-After): waits, then delivers once', async () => {
    const connectionId = await robotConnection(sandbox, 'delegated');
    const { id } = await robotMailbox({ connectionId, afterProcessing: 'mark_read', webhookUrl: receiver.url });
    await sandbox.control.addMessage(ADELE.username, { subject: 'Throttled one' });
    sandbox.control.injectThrottle({ service: 'graph', count: 2, retryAfterSeconds: 2 });

    const throttled = await pollNow(id);
    expect(throttled).toMatchObject({ newMessages: 0, error: expect.stringMatching(/^429 ApplicationThrottled/) });
    const row = await db().robotMailbox.findUniqueOrThrow({ where: { id } });
    expect(row.lastErrorExplanation).toMatch(/throttling/);
    expect(row.throttledUntil?.getTime()).toBeGreaterThan(Date.now() + 1000);
    expect(row.nextPollAt.getTime()).toBeGreaterThanOrEqual(row.throttledUntil?.getTime() ?? 0);
    // A "Poll now" during the wait does not call Graph.
    const before = sandbox.control.counters()['graph:request'] ?? 0;
    expect(await pollNow(id)).toMatchObject({ polled: false, newMessages: 0 });
    expect(sandbox.control.counters()['graph:request'] ?? 0).toBe(before);

    poller = startRobotPoller(fast);
    // The cycle marks the message, then records its success: wait for the end of that cycle, not its middle.
    await waitFor(
      'the message after the throttling ends',
      async () =>
        (await db().robotMessage.findFirst({ where: { mailboxId: id, mailboxAction: 'done' } })) !== null &&
        (await db().robotMailbox.findUniqueOrThrow({ where: { id } })).lastSuccessAt !== null,
    );
    const after = await db().robotMailbox.findUniqueOrThrow({ where: { id } });
    expect(after.lastSuccessAt?.getTime()).toBeGreaterThanOrEqual(row.throttledUntil?.getTime() ?? Infinity);
    expect(receiver.requests).toHaveLength(1);
    expect(sandbox.control.readMailbox(ADELE.username)[0]?.isRead).toBe(true);
    // The second injected 429 hit the poll or a mark; either way nothing was lost or repeated.
    await waitFor(
      'the error to clear',
      async () => (await db().robotMailbox.findUniqueOrThrow({ where: { id } })).lastError === null,
    );
  });

  it('retries a webhook that fails three times, then marks the message only after the 2xx', async () => {
    const connectionId = await robotConnection(sandbox, 'delegated');
    const { id } = await robotMailbox({ connectionId, afterProcessing: 'mark_read', webhookUrl: receiver.url });
    receiver.respondWith(500, 502, 503);
    const readWhileFailing: boolean[] = [];
    receiver.beforeAnswer((request) => {
      if (request.status >= 300) readWhileFailing.push(sandbox.control.readMailbox(ADELE.username)[0]?.isRead ?? true);
    });
    await sandbox.control.addMessage(ADELE.username, { subject: 'Flaky receiver' });
    poller = startRobotPoller(fast);

    await waitFor('three failures', () => receiver.requests.length >= 3);
    const failing = await db().robotMailbox.findUniqueOrThrow({ where: { id } });
    expect(failing.lastError).toMatch(/^Webhook: HTTP 5\d\d/);
    expect(failing.lastErrorExplanation).toMatch(/retried with backoff/);
    await waitFor(
      'the delivery',
      async () => (await db().robotMessage.findFirst({ where: { mailboxId: id, mailboxAction: 'done' } })) !== null,
    );

    expect(receiver.requests.map((r) => r.status)).toEqual([500, 502, 503, 200]);
    expect(new Set(receiver.requests.map((r) => r.headers['x-switchboard-delivery'])).size).toBe(1);
    expect(receiver.requests.map((r) => r.headers['x-switchboard-attempt'])).toEqual(['1', '2', '3', '4']);
    expect(new Set(receiver.requests.map((r) => r.body)).size).toBe(1);
    expect(readWhileFailing).toEqual([false, false, false]);
    expect(sandbox.control.readMailbox(ADELE.username)[0]?.isRead).toBe(true);
    const message = await db().robotMessage.findFirstOrThrow({ where: { mailboxId: id } });
    expect(message).toMatchObject({ handoffState: 'delivered', handoffAttempts: 4, lastHandoffError: null });
    await waitFor(
      'the mailbox error to clear',
      async () => (await db().robotMailbox.findUniqueOrThrow({ where: { id } })).lastError === null,
    );
  });

  it('without a webhook, keeps the message for the console and marks it at once', async () => {
    const connectionId = await robotConnection(sandbox, 'delegated');
    const { id } = await robotMailbox({ connectionId, afterProcessing: 'mark_read' });
    await sandbox.control.addMessage(ADELE.username, { subject: 'Console only', html: '<p>Hi <b>there</b></p>' });
    expect(await pollNow(id)).toMatchObject({ newMessages: 1, handedOff: 0, actionsDone: 1 });
    const message = await db().robotMessage.findFirstOrThrow({ where: { mailboxId: id } });
    expect(message).toMatchObject({ handoffState: 'not_configured', mailboxAction: 'done', bodyType: 'html' });
    expect(message.body).toContain('<b>there</b>');
    // An already-read message in "mark read" mode counts as processed.
    await sandbox.control.addMessage(ADELE.username, { subject: 'Read by a person', isRead: true });
    expect(await pollNow(id)).toMatchObject({ newMessages: 0 });
  });
});
