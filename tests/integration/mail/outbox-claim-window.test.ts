import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import { PROVIDERS } from '../../support/use-database';
import { smtpSinkSuite } from './support/smtp-sink-suite';
import { waitFor } from './support/wait-for';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// The worker keeps its slots busy by claiming ahead of them: up to twice its concurrency waits, claimed, for a slot,
// so that a claim that waits for the disk leaves no slot empty. Never more: the rest stays queued for other instances.

const CONCURRENCY = 2;
const MESSAGES = 12;

describe.each(PROVIDERS)('the outbox worker claims ahead of its slots (%s)', (provider) => {
  // A slow server: each message holds its slot for a while, so the claims ahead are there to see.
  const suite = smtpSinkSuite(provider, 400);

  it('holds its slots and twice as many ahead, then sends every message once', async () => {
    for (let i = 0; i < MESSAGES; i += 1) {
      await enqueueMessage({
        source: 'api',
        from: { address: 'outbox@contoso.test', name: '' },
        to: [{ address: `w${i}@example.test`, name: '' }],
        subject: `Window ${i}`,
        text: 'x',
      });
    }
    const worker = startOutboxWorker({ concurrency: CONCURRENCY, pollIntervalMs: 50 });
    try {
      const leased = () => db().outboundMessage.count({ where: { state: 'sending', leaseOwner: worker.workerId } });
      // The first claim takes them at once (one statement); the next waits until a slot's worth has gone.
      const first = await waitFor('the first claim', async () => (await leased()) || false);
      expect(first).toBe(3 * CONCURRENCY);
      expect(await db().outboundMessage.count({ where: { state: 'queued' } })).toBe(MESSAGES - 3 * CONCURRENCY);
      await waitFor('every message sent', async () => suite.sink.messages.length >= MESSAGES, 30_000);
      await waitFor(
        'every outcome recorded',
        async () => (await db().outboundMessage.count({ where: { state: 'sent' } })) === MESSAGES,
      );
    } finally {
      await worker.stop();
    }
    expect(new Set(suite.sink.messages.map((m) => m.to[0])).size).toBe(MESSAGES);
    expect(suite.sink.messages).toHaveLength(MESSAGES);
  });
});
