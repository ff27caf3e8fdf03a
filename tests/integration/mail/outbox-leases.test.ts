import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { claimDueMessages } from '@/lib/mail/outbox/claim-due-messages';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { needsSessions } from '../../support/postgres-sessions';
import { spawnWorker } from '../../support/spawn-worker';
import { PROVIDERS } from '../../support/use-database';
import { smtpSinkSuite } from './support/smtp-sink-suite';
import { waitFor } from './support/wait-for';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// Several instances share one database: each message is claimed by exactly one worker and sent once.

const MESSAGES = 300;

function messageIdOf(raw: Buffer): string {
  return /^Message-ID:\s*(<[^>]+>)/im.exec(raw.toString('latin1'))?.[1] ?? '';
}

describe.each(PROVIDERS)('outbox leases (%s)', (provider) => {
  const suite = smtpSinkSuite(provider, 2);

  it('concurrent claims never hand one message to two workers', async () => {
    for (let i = 0; i < 40; i += 1) {
      await enqueueMessage({
        source: 'api',
        from: { address: 'outbox@contoso.test', name: '' },
        to: [{ address: `c${i}@example.test`, name: '' }],
        subject: `Claim ${i}`,
        text: 'x',
      });
    }
    // Rounds of eight concurrent claimers until every message is taken: no message may be taken twice.
    const taken: string[] = [];
    for (let round = 0; round < 40 && taken.length < 40; round += 1) {
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) => claimDueMessages(10, `claimer-${round}-${i}`, 60_000)),
      );
      taken.push(...claims.flat().map((c) => c.id));
    }
    expect(taken.length).toBe(40);
    expect(new Set(taken).size).toBe(40);
    // Give them back for the next case.
    await db().outboundMessage.deleteMany({});
  });

  it.skipIf(needsSessions(provider))(`two worker processes send ${MESSAGES} messages, each exactly once`, async () => {
    for (let i = 0; i < MESSAGES; i += 1) {
      await enqueueMessage({
        source: 'api',
        from: { address: 'outbox@contoso.test', name: '' },
        to: [{ address: `r${i}@example.test`, name: '' }],
        subject: `Message ${i}`,
        text: `Body ${i}`,
      });
    }
    const env = {
      DATABASE_URL: suite.database.postgresUrl,
      SWITCHBOARD_DATA_DIR: suite.database.dataDir,
      SWITCHBOARD_LOG_LEVEL: 'error',
    };
    const started = [0, 1].map(() =>
      spawnWorker('tests/integration/mail/support/outbox-worker-process.ts', ['30000', '10'], env),
    );
    suite.workers.push(...started);
    const ids = await Promise.all(started.map(async (w) => (await w.nextLine()).replace(/^ready /, '')));
    await waitFor(
      'every message to be Sent',
      async () => (await db().outboundMessage.count({ where: { state: 'sent' } })) === MESSAGES,
      60_000,
      100,
    );
    for (const worker of started) worker.child.stdin.write('stop\n');
    for (const worker of started) expect(await worker.nextLine()).toBe('stopped');

    const received = suite.sink.messages.map((m) => messageIdOf(m.raw));
    expect(received.length).toBe(MESSAGES);
    expect(new Set(received).size).toBe(MESSAGES);
    const byWorker = await db().outboundAttempt.groupBy({ by: ['worker'], _count: { _all: true } });
    const counts = Object.fromEntries(byWorker.map((g) => [g.worker, g._count._all]));
    console.info(`[${provider}] attempts per worker: ${JSON.stringify(counts)}`);
    expect(Object.keys(counts).sort()).toEqual([...ids].sort());
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(MESSAGES);
  });
});
