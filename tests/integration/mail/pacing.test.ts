import { afterEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { type OutboxWorker, startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import type { PaceConfig } from '@/lib/mail/pacing/pace-limits';
import { smtpDelivery } from '@/lib/mail/transports/smtp/smtp-delivery';
import { ADELE, createSandboxConnection, signInConnection } from '../../support/sandbox-connection';
import { sandboxSuite, type SandboxSuite } from '../../support/sandbox-suite';
import { needsSessions } from '../../support/postgres-sessions';
import { saveSandboxSmtpSettings } from './support/save-sandbox-smtp-settings';
import { uniqueRecipient } from './support/unique-recipient';
import { waitFor } from './support/wait-for';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'error';

// Exchange's SMTP AUTH limits respected instead of hit (issue 13 §5): the sandbox enforces 3 concurrent submissions
// and 30 messages per window (scaled down to 6 s) for each mailbox, the console is configured to match, and a burst
// queues instead of failing. A throttled mailbox pauses alone.

const MEGAN = { username: 'megan@contoso.onmicrosoft.com', password: 'Sandbox-Megan-1' };
const WINDOW_MS = 6000;
const PACING: PaceConfig = {
  'exchange-smtp': { concurrency: 3, perWindow: 30, windowMs: WINDOW_MS },
  graph: null,
  'plain-smtp': null,
};
const FAST = { concurrency: 10, pollIntervalMs: 50, pacing: PACING, policy: { retryBaseMs: 200, retryMaxMs: 1000 } };

async function exchangeSmtpAs(suite: SandboxSuite, person: { username: string; password: string }) {
  const { connectionId } = await createSandboxConnection(suite.sandbox, 'exchange-smtp');
  expect((await signInConnection(connectionId, person)).outcome.ok).toBe(true);
  return connectionId;
}

async function enqueue(count: number, from: string, to: string, subject: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const { id } = await enqueueMessage({
      source: 'api',
      from: { address: from, name: '' },
      to: [{ address: to, name: '' }],
      subject: `${subject} ${i}`,
      text: `Body ${i}`,
    });
    ids.push(id);
  }
  return ids;
}

const sentCount = (ids: string[]) => db().outboundMessage.count({ where: { id: { in: ids }, state: 'sent' } });

/** Exchange's limits on the sandbox, scaled down: 3 concurrent submissions, 30 messages per 6 s per mailbox. */
function exchangeLimits(suite: SandboxSuite) {
  suite.sandbox.control.updateSettings({
    smtpConcurrentSubmissionsPerMailbox: 3,
    smtpMessagesPerWindow: 30,
    smtpRateWindowSeconds: WINDOW_MS / 1000,
  });
  suite.sandbox.control.resetCounters();
}

async function burst(suite: SandboxSuite, workers: number) {
  exchangeLimits(suite);
  await saveSandboxSmtpSettings(suite.sandbox, await exchangeSmtpAs(suite, ADELE), ADELE.username);
  const to = uniqueRecipient('burst');
  const ids = await enqueue(100, ADELE.username, to, 'Copier scan');
  const started = Date.now();
  const running: OutboxWorker[] = Array.from({ length: workers }, (_, i) =>
    startOutboxWorker({ ...FAST, workerId: `pacing-${i}` }),
  );
  try {
    await waitFor('100 messages sent', async () => (await sentCount(ids)) === 100, 90_000, 100);
  } finally {
    for (const worker of running) await worker.stop();
  }
  const elapsed = Date.now() - started;
  const counters = suite.sandbox.control.counters();
  expect(counters['smtp:concurrencyRefused'] ?? 0).toBe(0);
  expect(counters['smtp:rateExceeded'] ?? 0).toBe(0);
  // No message failed and none was tried twice: one attempt each, sent; waiting for the pace is not an attempt.
  const attempts = await db().outboundAttempt.findMany({ where: { messageId: { in: ids } } });
  expect(attempts.filter((a) => a.outcome !== 'sent')).toEqual([]);
  expect(attempts.length).toBe(100);
  const received = suite.sandbox.control.readMailbox(to);
  expect(new Set(received.map((m) => m.internetMessageId)).size).toBe(100);
  // 100 at 30 per window cannot be done inside three windows: the pace held them back.
  expect(elapsed).toBeGreaterThanOrEqual(3 * WINDOW_MS);
}

describe('pacing per sending mailbox (SQLite)', () => {
  const suite = sandboxSuite('sqlite');
  afterEach(() =>
    suite.sandbox.control.updateSettings({
      smtpConcurrentSubmissionsPerMailbox: undefined,
      smtpMessagesPerWindow: undefined,
    }),
  );

  it('a burst of 100 over SMTP XOAUTH2 queues instead of failing: all sent, the sandbox never answers 432', async () => {
    await burst(suite, 1);
  }, 120_000);

  it('a 432 4.3.2 pauses that mailbox only: another mailbox goes on, and the throttled message is no failure', async () => {
    exchangeLimits(suite);
    await saveSandboxSmtpSettings(suite.sandbox, await exchangeSmtpAs(suite, ADELE), ADELE.username);
    const meganConnection = await exchangeSmtpAs(suite, MEGAN);
    const smtpServer = `127.0.0.1:${suite.sandbox.info.smtp.port}`;
    // Megan's messages go through her own mailbox (a route of their own, as a relay client's would).
    const prepareFor = async (message: { from: { address: string } }) =>
      message.from.address === MEGAN.username
        ? smtpDelivery.prepare(
            {
              kind: 'smtp',
              smtpServer,
              useSsl: true,
              implicitTls: false,
              auth: { kind: 'oauth', mailboxAddress: MEGAN.username, connectionId: meganConnection },
            },
            { isTest: false },
          )
        : null;
    const [throttled] = await enqueue(1, ADELE.username, uniqueRecipient('paused'), 'Throttled');
    suite.sandbox.control.injectThrottle({ service: 'smtp', count: 1, retryAfterSeconds: 0 });
    const worker = startOutboxWorker({ ...FAST, prepareFor, policy: { ...FAST.policy, throttleWaitMs: 60_000 } });
    try {
      const pause = await waitFor(
        'Adele’s mailbox paused',
        async () =>
          (await db().mailboxPace.findFirst({ where: { paceKey: { endsWith: `:${ADELE.username}` } } })) ?? false,
      );
      expect(pause.pauseReason).toMatch(/432 4\.3\.2/);
      const adeleLater = await enqueue(2, ADELE.username, uniqueRecipient('paused'), 'Behind the pause');
      const meganIds = await enqueue(5, MEGAN.username, uniqueRecipient('megan'), 'Not held up');
      await waitFor('Megan’s messages sent', async () => (await sentCount(meganIds)) === 5, 20_000);

      // Adele's wait for her pause; the throttled one keeps its answer but no attempt counts against maxAttempts.
      const adele = await db().outboundMessage.findMany({ where: { id: { in: [throttled ?? '', ...adeleLater] } } });
      expect(adele.map((m) => m.state)).toEqual(['queued', 'queued', 'queued']);
      for (const message of adele) expect(message.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
      const first = adele.find((m) => m.id === throttled);
      expect(first).toMatchObject({ attempts: 0, lastErrorCode: '432 4.3.2' });
      expect(await db().outboundAttempt.count({ where: { messageId: { in: adeleLater } } })).toBe(0);
      expect(await db().mailboxPace.count({ where: { paceKey: { endsWith: `:${MEGAN.username}` } } })).toBe(0);
    } finally {
      await worker.stop();
    }
  }, 60_000);
});

describe.skipIf(needsSessions('postgresql'))('pacing per sending mailbox (PostgreSQL, two workers)', () => {
  const suite = sandboxSuite('postgresql');
  afterEach(() =>
    suite.sandbox.control.updateSettings({
      smtpConcurrentSubmissionsPerMailbox: undefined,
      smtpMessagesPerWindow: undefined,
    }),
  );

  it('two workers share one budget: 100 sent, never 432, never over the rate', async () => {
    await burst(suite, 2);
  }, 120_000);
});
