// `npm run bench:outbox [-- <messages>]`: messages per second through the outbox (accepted into the database, claimed
// by the worker, sent over pooled SMTP, recorded) to a local SMTP sink, beside plain pooled nodemailer sending the same
// number of messages to the same sink with the same concurrency, in the same run. Uses a fresh SQLite database in a
// temporary folder; DATABASE_URL=postgresql://… benchmarks PostgreSQL instead (use an empty database).
// BENCH_CONCURRENCY (default 10) sets the messages in flight for both.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { resolveDatabaseConfig } from '@/lib/db/database-config';
import { db, disconnectDb } from '@/lib/db/prisma';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import { emailSettingsSchema } from '@/lib/mail/settings/email-settings-schema';
import { saveEmailSettings } from '@/lib/mail/settings/save-email-settings';

const COUNT = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const BODY = 'A notification from the benchmark.\n'.repeat(40);

async function startSink(): Promise<{ port: number; received: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { port: (server.server.address() as AddressInfo).port, received: () => received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function plainNodemailer(port: number): Promise<number> {
  const transport = nodemailer.createTransport({ pool: true, host: '127.0.0.1', port, secure: false, ignoreTLS: true, maxConnections: 5, maxMessages: 100 });
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < COUNT) {
      const i = next++;
      await transport.sendMail({ from: 'bench@contoso.test', to: `r${i}@example.test`, subject: `Message ${i}`, text: BODY });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return COUNT / seconds;
}

async function throughOutbox(port: number): Promise<{ accepted: number; delivered: number; endToEnd: number }> {
  const input = emailSettingsSchema.parse({ enabled: 'on', connectionType: 'smtp', smtpServer: `127.0.0.1:${port}`, smtpAuth: 'none', allowUnencrypted: 'on', senderAddress: 'bench@contoso.test' });
  const saved = await saveEmailSettings(input, 'bench@switchboard.test');
  if (!saved.ok) throw new Error(JSON.stringify(saved.fieldErrors));
  const started = performance.now();
  for (let i = 0; i < COUNT; i += 1) {
    await enqueueMessage({ source: 'api', from: { address: 'bench@contoso.test', name: '' }, to: [{ address: `r${i}@example.test`, name: '' }], subject: `Message ${i}`, text: BODY });
  }
  const enqueued = performance.now();
  const worker = startOutboxWorker({ concurrency: CONCURRENCY, pollIntervalMs: 100 });
  for (;;) {
    const sent = await db().outboundMessage.count({ where: { state: 'sent' } });
    if (sent >= COUNT) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const done = performance.now();
  await worker.stop();
  return { accepted: COUNT / ((enqueued - started) / 1000), delivered: COUNT / ((done - enqueued) / 1000), endToEnd: COUNT / ((done - started) / 1000) };
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'));
  process.env.SWITCHBOARD_DATA_DIR = dataDir;
  process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';
  const config = resolveDatabaseConfig();
  await applyMigrations(config);
  const sink = await startSink();
  try {
    const outbox = await throughOutbox(sink.port);
    const plain = await plainNodemailer(sink.port);
    const line = (label: string, rate: number) => `${label.padEnd(58)} ${rate.toFixed(0).padStart(6)} msg/s`;
    console.log(`${COUNT} messages of ${BODY.length} bytes to a local SMTP sink, ${CONCURRENCY} in flight, 5 pooled connections, ${config.provider}:`);
    console.log(line('accepted into the outbox (one at a time, committed)', outbox.accepted));
    console.log(line('outbox worker: claimed, sent, recorded', outbox.delivered));
    console.log(line('outbox end to end (accept + deliver)', outbox.endToEnd));
    console.log(line('plain pooled nodemailer, same sink, same concurrency', plain));
    console.log(`ratio outbox worker / plain nodemailer: ${(outbox.delivered / plain).toFixed(2)}`);
    console.log(`sink received ${sink.received()} messages (expected ${COUNT * 2})`);
  } finally {
    await sink.close();
    await disconnectDb();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
