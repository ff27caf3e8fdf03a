import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { getOutboxMessages } from '@/lib/mail/outbox/get-outbox-messages';
import { getRelayClients } from '@/lib/mail/relay/get-relay-clients';
import { resetRelayClientPassword } from '@/lib/mail/relay/reset-relay-client-password';
import { type OutboxWorker, startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import type { RelayListener } from '@/lib/mail/relay/start-relay-listener';
import { PROVIDERS, type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { saveSettings } from '../mail/support/save-settings';
import { type SmtpSink, startSmtpSink } from '../mail/support/smtp-sink';
import { waitFor } from '../mail/support/wait-for';
import { addClient, answerOf, device, startRelay, talk } from './relay-support';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// The relay as devices and attackers meet it, over real sockets, with the outbox delivering to a plain SMTP server
// on loopback: who may send, what, how much, and that what was answered 250 arrives as it was sent.

const FAST = { pollIntervalMs: 50, concurrency: 10, policy: { retryBaseMs: 200, retryMaxMs: 400, leaseMs: 10_000 } };

describe.each(PROVIDERS)('SMTP relay (%s)', (provider) => {
  let database: TestDatabase;
  let relay: { listener: RelayListener; port: number };
  let sink: SmtpSink;
  let worker: OutboxWorker | undefined;
  beforeAll(async () => {
    database = await useFreshDatabase(provider);
    sink = await startSmtpSink({ starttls: false });
    await saveSettings({
      connectionType: 'smtp',
      smtpServer: `127.0.0.1:${sink.port}`,
      smtpAuth: 'none',
      senderAddress: 'notifications@contoso.test',
    });
    relay = await startRelay();
  }, 60_000);
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });
  afterAll(async () => {
    await relay?.listener.stop();
    await sink?.close();
    await database?.cleanup();
  });

  it('offers AUTH only after STARTTLS, and refuses AUTH in clear', async () => {
    const answers = await talk(relay.port, ['EHLO device.test', 'AUTH PLAIN AHVzZXIAcGFzcw==']);
    expect(answers[1]).toContain('STARTTLS');
    expect(answers[1]).not.toMatch(/AUTH/);
    expect(answers[2]).not.toMatch(/^235/);
    expect(answers[2]).toMatch(/^5\d\d /);
  });

  it('a scanner with its password over STARTTLS: 250 only once the message is in the outbox; relayed byte for byte', async () => {
    const scanner = await addClient({ name: `Scanner ${provider}`, username: `scanner-${provider}` });
    const pdf = crypto.randomBytes(200_000);
    // The message as the device composes it, so the bytes that arrive can be compared with the bytes that were sent.
    const built = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail({
      from: 'Scanner <scanner@contoso.test>',
      to: 'ann@example.test',
      subject: 'Scan 001',
      text: 'Scanned document attached.',
      attachments: [{ filename: 'scan.pdf', content: pdf, contentType: 'application/pdf' }],
    });
    const raw = built.message as Buffer;
    const info = (await device(relay.port, { user: scanner.username ?? '', pass: scanner.password ?? '' }).sendMail({
      envelope: { from: 'scanner@contoso.test', to: ['ann@example.test', 'hidden@example.test'] },
      raw,
    })) as { response: string };
    const id = /Queued as (\S+)/.exec(info.response)?.[1];
    // The row exists the moment the device has its 250.
    const row = await db().outboundMessage.findUnique({ where: { id: id ?? '' } });
    expect(row).toMatchObject({ source: 'relay', relayClientId: scanner.id, state: 'queued', subject: 'Scan 001' });
    expect(JSON.parse(row?.bccRecipients ?? '[]')).toEqual([{ address: 'hidden@example.test', name: '' }]);
    worker = startOutboxWorker(FAST);
    await waitFor('the relayed message to be sent', async () =>
      (await db().outboundMessage.findUnique({ where: { id: id ?? '' } }))?.state === 'sent' ? true : undefined,
    );
    const received = sink.messages.find((m) => m.raw.includes('Scan 001'));
    expect(received?.from).toBe('scanner@contoso.test');
    expect(received?.to.sort()).toEqual(['ann@example.test', 'hidden@example.test']);
    expect(Buffer.compare(received?.raw ?? Buffer.alloc(0), raw)).toBe(0);
    const counted = await db().relayClient.findUniqueOrThrow({ where: { id: scanner.id } });
    expect(counted).toMatchObject({ acceptedToday: 1, lastAddress: '127.0.0.1' });
  });

  it('a no-authentication client works from its listed network only; others get 530 5.7.0', async () => {
    await addClient({ name: `Copier ${provider}`, authMode: 'network', networks: '127.0.0.1/32, fd00::/8' });
    const sent = await answerOf(
      device(relay.port).sendMail({
        from: 'copier@contoso.test',
        to: 'ann@example.test',
        subject: 'From the copier',
        text: 'x',
      }),
    );
    expect(sent).toBe('250');
    await db().relayClient.updateMany({ where: { authMode: 'network' }, data: { networks: '["10.20.0.0/16"]' } });
    const refused = await answerOf(
      device(relay.port).sendMail({
        from: 'copier@contoso.test',
        to: 'ann@example.test',
        subject: 'Not listed',
        text: 'x',
      }),
    );
    expect(refused).toMatch(/^530 5\.7\.0 Authentication required/);
    expect(await db().outboundMessage.count({ where: { subject: 'Not listed' } })).toBe(0);
  });

  it('refuses a sender outside the client’s list, in the envelope and in the From header (550 5.7.1)', async () => {
    const client = await addClient({
      name: `App ${provider}`,
      username: `app-${provider}`,
      allowedSenders: 'app@contoso.test',
    });
    const login = { user: client.username ?? '', pass: client.password ?? '' };
    const envelope = await answerOf(
      device(relay.port, login).sendMail({
        from: 'ceo@contoso.test',
        to: 'ann@example.test',
        subject: 'Spoof 1',
        text: 'x',
      }),
    );
    expect(envelope).toMatch(/^550 5\.7\.1 /);
    const header = await answerOf(
      device(relay.port, login).sendMail({
        envelope: { from: 'app@contoso.test', to: ['ann@example.test'] },
        from: 'ceo@contoso.test',
        to: 'ann@example.test',
        subject: 'Spoof 2',
        text: 'x',
      }),
    );
    expect(header).toMatch(/^550 5\.7\.1 /);
    expect(await db().outboundMessage.count({ where: { subject: { startsWith: 'Spoof' } } })).toBe(0);
    expect((await db().relayClient.findUniqueOrThrow({ where: { id: client.id } })).refusedToday).toBe(2);
  });

  it('cuts a message over the client’s size limit (552 5.3.4)', async () => {
    const client = await addClient({ name: `Small ${provider}`, username: `small-${provider}`, maxMessageMb: 1 });
    const answer = await answerOf(
      device(relay.port, { user: client.username ?? '', pass: client.password ?? '' }).sendMail({
        from: 'small@contoso.test',
        to: 'ann@example.test',
        subject: 'Too big',
        attachments: [{ filename: 'big.bin', content: crypto.randomBytes(1_200_000) }],
      }),
    );
    expect(answer).toMatch(/^552 5\.3\.4 /);
  });

  it('the fifth wrong password locks the client out, also when the guesses arrive together', async () => {
    const client = await addClient({ name: `Locked ${provider}`, username: `locked-${provider}` });
    // It logged in a moment ago: the login it is remembered by must not outlive the lock-out or the new password.
    const login = (pass: string) => answerOf(device(relay.port, { user: client.username ?? '', pass }).verify());
    expect(await login(client.password ?? '')).toBe('250');
    const wrong = () => answerOf(device(relay.port, { user: client.username ?? '', pass: 'wrong password' }).verify());
    const answers = await Promise.all(Array.from({ length: 12 }, wrong));
    // Five were checked (535); the rest were refused without a check.
    expect(answers.filter((a) => a.startsWith('535')).length).toBe(5);
    expect(answers.filter((a) => a.startsWith('454')).length).toBe(7);
    const right = await answerOf(
      device(relay.port, { user: client.username ?? '', pass: client.password ?? '' }).verify(),
    );
    expect(right).toMatch(/^454 4\.7\.0 Too many failed login attempts/);
    // The console's list shows it locked out, with its last error.
    const listed = (await getRelayClients()).find((c) => c.id === client.id);
    expect(listed?.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    expect(listed?.lastError).toBe('Wrong password');
    // A new password (Settings → SMTP relay → the client → New password) ends the lock-out; the old one is gone.
    const reset = await resetRelayClientPassword(client.id);
    if (!reset.ok) throw new Error(reset.message);
    const again = (pass: string) => answerOf(device(relay.port, { user: client.username ?? '', pass }).verify());
    expect(await again(reset.password)).toBe('250');
    expect(await again(client.password ?? '')).toMatch(/^535 /);
  });

  it('a device logging in again and again is let in until its client is disabled, then refused at once', async () => {
    const client = await addClient({ name: `Repeat ${provider}`, username: `repeat-${provider}` });
    const login = () =>
      answerOf(device(relay.port, { user: client.username ?? '', pass: client.password ?? '' }).verify());
    expect(await Promise.all(Array.from({ length: 5 }, login))).toEqual(Array(5).fill('250'));
    expect(await login()).toBe('250');
    await db().relayClient.update({ where: { id: client.id }, data: { enabled: false } });
    expect(await login()).toMatch(/^535 5\.7\.8 /);
  });

  it('the Outbox names the relay client as the source and filters by source', async () => {
    await enqueueMessage({
      source: 'api',
      from: { address: 'api@contoso.test', name: '' },
      to: [],
      subject: 'From the API',
    });
    const relayed = await getOutboxMessages('all', 1, 'relay');
    expect(relayed.messages.length).toBeGreaterThan(0);
    expect(relayed.messages.every((m) => m.source === 'relay')).toBe(true);
    expect(relayed.messages.map((m) => m.relayClientName)).toContain(`Scanner ${provider}`);
    const api = await getOutboxMessages('all', 1, 'api');
    expect(api.messages.map((m) => m.subject)).toEqual(['From the API']);
  });

  it('500 messages from 10 clients, 50 each over one connection: all delivered, each once', async () => {
    const clients = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        addClient({ name: `Bulk ${provider} ${i}`, username: `bulk-${provider}-${i}`, ratePerMinute: 1000 }),
      ),
    );
    const before = sink.messages.length;
    worker = startOutboxWorker(FAST);
    await Promise.all(
      clients.map(async (client, c) => {
        const transport = device(
          relay.port,
          { user: client.username ?? '', pass: client.password ?? '' },
          { pool: true },
        );
        for (let m = 0; m < 50; m++)
          await transport.sendMail({
            from: 'bulk@contoso.test',
            to: 'ann@example.test',
            subject: `Bulk ${c}-${m}`,
            text: 'x',
          });
        transport.close();
      }),
    );
    const bulk = () =>
      sink.messages
        .slice(before)
        .map((m) => /Subject: (Bulk \d+-\d+)/.exec(m.raw.toString())?.[1])
        .filter(Boolean);
    await waitFor('500 messages at the server', () => (bulk().length >= 500 ? true : undefined), 120_000);
    // Nothing more arrives once the outbox is empty: no duplicates on the way.
    await waitFor('the outbox to be empty', async () =>
      (await db().outboundMessage.count({ where: { subject: { startsWith: 'Bulk' }, state: { not: 'sent' } } })) === 0
        ? true
        : undefined,
    );
    const subjects = bulk();
    expect(subjects).toHaveLength(500);
    expect(new Set(subjects).size).toBe(500);
  }, 180_000);
});
