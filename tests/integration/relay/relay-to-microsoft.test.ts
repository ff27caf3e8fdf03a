import crypto from 'node:crypto';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import type { RelayListener } from '@/lib/mail/relay/start-relay-listener';
import { ADELE, createSandboxConnection, signInConnection } from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';
import { PROVIDERS } from '../../support/use-database';
import { saveSandboxSmtpSettings } from '../mail/support/save-sandbox-smtp-settings';
import { saveSettings } from '../mail/support/save-settings';
import { uniqueRecipient } from '../mail/support/unique-recipient';
import { waitFor } from '../mail/support/wait-for';
import { addClient, device, startRelay } from './relay-support';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// The acceptance case: a scanner with its own username and password sends a PDF through the relay over STARTTLS;
// the outbox delivers it to the sandbox's Exchange, over SMTP with XOAUTH2 and over Microsoft Graph's MIME send, and
// the PDF read back from the mailbox is the PDF the scanner sent.

describe.each(PROVIDERS)('relayed mail to Microsoft 365 (%s)', (provider) => {
  const suite = sandboxSuite(provider);
  let relay: { listener: RelayListener; port: number };
  beforeAll(async () => {
    relay = await startRelay();
  });
  afterAll(async () => {
    await relay?.listener.stop();
  });

  async function scan(name: string, route: 'smtp' | 'graph') {
    const scanner = await addClient({
      name,
      username: name.toLowerCase().replace(/\W+/g, '-'),
      allowedSenders: ADELE.username,
    });
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(300_000), Buffer.from('\n%%EOF\n')]);
    const to = uniqueRecipient('scan');
    const hidden = uniqueRecipient('bcc');
    await device(relay.port, { user: scanner.username ?? '', pass: scanner.password ?? '' }).sendMail({
      envelope: { from: ADELE.username, to: [to, hidden] },
      from: ADELE.username,
      to,
      subject: `Scan from ${name}`,
      text: 'Scanned document attached.',
      attachments: [{ filename: 'scan.pdf', content: pdf, contentType: 'application/pdf' }],
    });
    const worker = startOutboxWorker({ pollIntervalMs: 50 });
    try {
      const row = await waitFor(
        'the relayed message to be sent',
        async () => {
          const found = await db().outboundMessage.findFirst({
            where: { relayClientId: scanner.id },
            include: { attemptLog: true },
          });
          return found?.state === 'sent' || found?.state === 'failed' ? found : undefined;
        },
        30_000,
      );
      expect(row.attemptLog.map((a) => a.answer)).not.toContain(undefined);
      expect(row.state).toBe('sent');
    } finally {
      await worker.stop();
    }
    const [message] = suite.sandbox.control.readMailbox(to);
    const parsed = await simpleParser(message?.raw ?? '');
    expect(parsed.attachments[0]?.filename).toBe('scan.pdf');
    expect(Buffer.compare(parsed.attachments[0]?.content ?? Buffer.alloc(0), pdf)).toBe(0);
    // The envelope-only recipient (the device's Bcc) got it too; over SMTP it is in the envelope only. (Over Graph it
    // travels as a Bcc header, which Exchange strips from the copies others get; the sandbox keeps the header.)
    expect(suite.sandbox.control.readMailbox(hidden)).toHaveLength(1);
    if (route === 'smtp') expect(message?.raw).not.toContain(hidden);
    return message;
  }

  it('over Exchange SMTP with XOAUTH2: the PDF arrives byte-identical', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'exchange-smtp');
    expect((await signInConnection(connectionId, ADELE)).outcome.ok).toBe(true);
    await saveSandboxSmtpSettings(suite.sandbox, connectionId, ADELE.username);
    await scan(`Scanner SMTP ${provider}`, 'smtp');
  }, 60_000);

  it('over Microsoft Graph (sendMail with base64 MIME): the PDF arrives byte-identical', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'graph-mail');
    expect((await signInConnection(connectionId, ADELE)).outcome.ok).toBe(true);
    await saveSettings({
      connectionType: 'graph',
      connectionId,
      mailboxAddress: ADELE.username,
      senderAddress: ADELE.username,
    });
    await scan(`Scanner Graph ${provider}`, 'graph');
  }, 60_000);
});
