import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import { RELAY_SETTINGS_ID } from '@/lib/mail/relay/relay-settings-id';
import { spawnWorker } from '../../support/spawn-worker';
import { PROVIDERS, type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { saveSettings } from '../mail/support/save-settings';
import { type SmtpSink, startSmtpSink } from '../mail/support/smtp-sink';
import { waitFor } from '../mail/support/wait-for';
import { addClient, device } from './relay-support';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// SIGKILL in the middle of 500 relay sends from 10 clients: every message the relay answered 250 to is delivered
// (by the next worker, once the killed one's leases run out), none is lost. Duplicates are counted and printed.

describe.each(PROVIDERS)('SMTP relay killed mid-stream (%s)', (provider) => {
  let database: TestDatabase;
  let sink: SmtpSink;
  beforeAll(async () => {
    database = await useFreshDatabase(provider);
    sink = await startSmtpSink({ starttls: false });
    await saveSettings({
      connectionType: 'smtp',
      smtpServer: `127.0.0.1:${sink.port}`,
      smtpAuth: 'none',
      senderAddress: 'notifications@contoso.test',
    });
    await db().relaySettings.create({ data: { id: RELAY_SETTINGS_ID, enabled: true } });
  }, 60_000);
  afterAll(async () => {
    await sink?.close();
    await database?.cleanup();
  });

  it('every message answered 250 is delivered after SIGKILL', async () => {
    const clients = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        addClient({ name: `Device ${i}`, username: `device-${i}`, ratePerMinute: 1000 }),
      ),
    );
    const child = spawnWorker('tests/integration/relay/support/relay-process.ts', [], {
      DATABASE_URL: database.postgresUrl,
      SWITCHBOARD_DATA_DIR: database.dataDir,
      SWITCHBOARD_LOG_LEVEL: 'error',
    });
    const port = Number((await child.nextLine()).split(' ')[1]);
    const answered: string[] = [];
    let killed = false;
    await Promise.all(
      clients.map(async (client, c) => {
        const transport = device(port, { user: client.username ?? '', pass: client.password ?? '' }, { pool: true });
        for (let m = 0; m < 50 && !killed; m++) {
          const subject = `Crash ${c}-${m}`;
          try {
            await transport.sendMail({ from: 'device@contoso.test', to: 'ann@example.test', subject, text: 'x' });
            answered.push(subject);
            if (answered.length === 200) {
              killed = true;
              child.child.kill('SIGKILL');
            }
          } catch {
            break;
          }
        }
        transport.close();
      }),
    );
    expect(killed).toBe(true);
    const worker = startOutboxWorker({
      pollIntervalMs: 50,
      policy: { leaseMs: 2000, retryBaseMs: 200, retryMaxMs: 400 },
    });
    try {
      const arrived = () => sink.messages.map((m) => /Subject: (Crash \d+-\d+)/.exec(m.raw.toString())?.[1]);
      await waitFor(
        'every answered message at the server',
        () => (answered.every((s) => arrived().includes(s)) ? true : undefined),
        60_000,
      );
      const subjects = arrived().filter(Boolean);
      const duplicates = subjects.length - new Set(subjects).size;
      process.stdout.write(
        `relay SIGKILL (${provider}): ${answered.length} answered 250, ${new Set(subjects).size} delivered, ${duplicates} duplicates\n`,
      );
      expect(answered.filter((s) => !subjects.includes(s))).toEqual([]);
    } finally {
      await worker.stop();
    }
  }, 120_000);
});
