import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import type { Sandbox } from '../../sandbox/start-sandbox';
import { startTestSandbox } from '../support/sandbox-connection';
import { SANDBOX_TLS_DIR } from '../support/sandbox-tls';
import { type TestDatabase, useFreshDatabase } from '../support/use-database';
import { uniqueRecipient } from './mail/support/unique-recipient';
import { waitFor } from './mail/support/wait-for';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// `npm run demo:seed` against a running sandbox leaves a console that sends at once: the Emails settings go over
// Graph through the client-credentials connection, and a message handed to the outbox arrives in the sandbox.

const root = path.resolve(import.meta.dirname, '..', '..');

function runSeed(env: Record<string, string>): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', './scripts/support/register-server-only.mjs', '--import', 'tsx', 'scripts/seed-demo.ts'],
      { cwd: root, env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ stdout, stderr, code: error ? Number(error.code ?? 1) : 0 }),
    );
  });
}

describe('npm run demo:seed (SQLite)', () => {
  let database: TestDatabase;
  let sandbox: Sandbox;
  beforeAll(async () => {
    database = await useFreshDatabase('sqlite');
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
    await database?.cleanup();
  });

  it('configures Emails over Graph on the client-credentials connection, so mail is delivered at once', async () => {
    const port = new URL(sandbox.info.authorityHost).port;
    const seeded = await runSeed({ SANDBOX_PORT: port, SANDBOX_DATA_DIR: SANDBOX_TLS_DIR });
    expect(seeded.stderr).not.toMatch(/failed/i);
    expect(seeded.code).toBe(0);
    const mailbox = sandbox.info.users[0]?.username ?? '';
    expect(seeded.stdout).toContain(`Emails send over Microsoft Graph as ${mailbox}`);
    expect(seeded.stdout).toMatch(/Next:[\s\S]*Send test email[\s\S]*Setup Authentication/);

    const settings = await db().emailSettings.findUniqueOrThrow({
      where: { id: 'global' },
      include: { connection: { include: { service: true } } },
    });
    expect(settings).toMatchObject({
      enabled: true,
      connectionType: 'graph',
      mailboxAddress: mailbox,
      senderAddress: mailbox,
    });
    expect(settings.connection?.service.builtInKey).toBe('client-credentials');
    const services = await db().serviceConnection.findMany({ select: { service: { select: { builtInKey: true } } } });
    expect(services.map((c) => c.service.builtInKey).sort()).toEqual([
      'client-credentials',
      'exchange-smtp',
      'graph-mail',
      'm365-mailbox',
    ]);

    const to = uniqueRecipient('seeded');
    const { id } = await enqueueMessage({
      source: 'api',
      from: { address: mailbox, name: '' },
      to: [{ address: to, name: '' }],
      subject: 'Seeded console',
      text: 'Hello',
    });
    const worker = startOutboxWorker({ pollIntervalMs: 50 });
    try {
      await waitFor(
        'the message to be sent',
        async () => (await db().outboundMessage.findUnique({ where: { id } }))?.state === 'sent',
      );
    } finally {
      await worker.stop();
    }
    expect(sandbox.control.readMailbox(to)).toHaveLength(1);

    // Running it again changes nothing that works: same connections, settings kept.
    const again = await runSeed({ SANDBOX_PORT: port, SANDBOX_DATA_DIR: SANDBOX_TLS_DIR });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('kept the Emails settings that are turned on');
    expect(await db().serviceConnection.count()).toBe(4);
    // Two child processes, each compiling the seed script with tsx: more than the default 30 s on a busy machine.
  }, 120_000);
});
