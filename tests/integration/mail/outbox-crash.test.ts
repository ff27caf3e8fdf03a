import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { needsSessions } from '../../support/postgres-sessions';
import { spawnWorker, type Worker } from '../../support/spawn-worker';
import { PROVIDERS } from '../../support/use-database';
import { smtpSinkSuite } from './support/smtp-sink-suite';
import { waitFor } from './support/wait-for';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// Nothing accepted is lost: a worker process is killed with SIGKILL while 500 messages are being sent, another one
// is started, and every message ends Sent. A message the killed process had handed to the server but not yet
// recorded is sent again (with the same Message-ID): those duplicates are counted and reported.

const MESSAGES = 500;
const LEASE_MS = 2000;

function messageIdOf(raw: Buffer): string {
  return /^Message-ID:\s*(<[^>]+>)/im.exec(raw.toString('latin1'))?.[1] ?? '';
}

describe.each(PROVIDERS)('a worker killed mid-send loses nothing (%s)', (provider) => {
  // A little slower than loopback, like a real server, so the kill lands while messages are in flight.
  const suite = smtpSinkSuite(provider, 5);

  function startWorker(): Worker {
    const env = {
      DATABASE_URL: suite.database.postgresUrl,
      SWITCHBOARD_DATA_DIR: suite.database.dataDir,
      SWITCHBOARD_LOG_LEVEL: 'error',
    };
    const worker = spawnWorker(
      'tests/integration/mail/support/outbox-worker-process.ts',
      [String(LEASE_MS), '10'],
      env,
    );
    suite.workers.push(worker);
    return worker;
  }

  it.skipIf(needsSessions(provider))(
    `SIGKILL while ${MESSAGES} messages are being sent, restart: all Sent, none lost`,
    async () => {
      const accepted = new Set<string>();
      for (let i = 0; i < MESSAGES; i += 1) {
        const message = await enqueueMessage({
          source: 'api',
          from: { address: 'outbox@contoso.test', name: '' },
          to: [{ address: `r${i}@example.test`, name: '' }],
          subject: `Message ${i}`,
          text: `Body ${i}`,
        });
        accepted.add(message.messageIdHeader);
      }

      const first = startWorker();
      expect(await first.nextLine()).toMatch(/^ready /);
      // The moment of the kill is chosen by the database (a fifth recorded as Sent), not by the server's side: that
      // would always land right after the server accepted a message and before it was recorded, the worst case.
      await waitFor(
        'a fifth of the messages to be Sent',
        async () => (await db().outboundMessage.count({ where: { state: 'sent' } })) >= MESSAGES / 5,
        30_000,
        5,
      );
      first.child.kill('SIGKILL');
      await new Promise((resolve) => first.child.once('exit', resolve));
      const atKill = suite.sink.messages.length;
      const inFlight = await db().outboundMessage.count({ where: { state: 'sending' } });

      const second = startWorker();
      expect(await second.nextLine()).toMatch(/^ready /);
      await waitFor(
        'every message to be Sent',
        async () => (await db().outboundMessage.count({ where: { state: 'sent' } })) === MESSAGES,
        60_000,
        100,
      );
      second.child.stdin.write('stop\n');
      expect(await second.nextLine()).toBe('stopped');

      const received = suite.sink.messages.map((m) => messageIdOf(m.raw));
      const distinct = new Set(received);
      const duplicates = received.length - distinct.size;
      const interrupted = await db().outboundAttempt.count({ where: { outcome: 'interrupted' } });
      console.info(
        `[${provider}] killed when ${atKill} of ${MESSAGES} had reached the server, ${inFlight} claimed at that moment; ` +
          `after restart: ${received.length} received, ${distinct.size} distinct, ${duplicates} duplicate(s), ${interrupted} interrupted attempt(s)`,
      );
      expect([...accepted].every((id) => distinct.has(id))).toBe(true);
      expect(distinct.size).toBe(MESSAGES);
      expect(await db().outboundMessage.count({ where: { state: { not: 'sent' } } })).toBe(0);
      // Only a message the killed process had claimed can have been sent twice.
      expect(duplicates).toBeLessThanOrEqual(inFlight);
    },
  );
});
