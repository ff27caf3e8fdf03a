import crypto from 'node:crypto';
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { getAccessToken } from '@/lib/entra/get-access-token';
import { sendOverGraph } from '@/lib/mail/delivery/send-over-graph';
import type { OutboundContent } from '@/lib/mail/mail-address';
import { startOutboxWorker } from '@/lib/mail/outbox/start-outbox-worker';
import type { RelayListener } from '@/lib/mail/relay/start-relay-listener';
import { createSandboxConnection } from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';
import { PROVIDERS } from '../../support/use-database';
import { saveSettings } from '../mail/support/save-settings';
import { uniqueRecipient } from '../mail/support/unique-recipient';
import { waitFor } from '../mail/support/wait-for';
import { addClient, device, startRelay } from './relay-support';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'warn';

// A relayed message too large for Graph's one-request MIME send is rebuilt as a draft (large files through upload
// sessions) and sent: nobody is lost, the files arrive byte-identical, the X- header and the Message-ID are kept.

const SUPPORT = 'support@contoso.onmicrosoft.com';
const pdfOf = (bytes: number) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(bytes), Buffer.from('\n%%EOF\n')]);

describe.each(PROVIDERS)('a large relayed message over Microsoft Graph (%s)', (provider) => {
  const suite = sandboxSuite(provider);
  let relay: { listener: RelayListener; port: number };
  let connectionId: string;
  beforeAll(async () => {
    relay = await startRelay();
    ({ connectionId } = await createSandboxConnection(suite.sandbox, 'client-credentials'));
    await saveSettings({ connectionType: 'graph', connectionId, mailboxAddress: SUPPORT, senderAddress: SUPPORT });
  });
  afterAll(async () => {
    await relay?.listener.stop();
  });

  it('is rebuilt as a draft: every recipient, the PDF byte-identical, the inline image, the X- header', async () => {
    const scanner = await addClient({
      name: `Big scanner ${provider}`,
      username: `big-${provider}`,
      allowedSenders: SUPPORT,
    });
    const pdf = pdfOf(4_700_000);
    const logo = crypto.randomBytes(20_000);
    // Two files small enough for a request each, too large together for the draft's own request (4 MB).
    const pages = [pdfOf(2_000_000), pdfOf(2_000_000)];
    const [to, cc, hidden] = [uniqueRecipient('to'), uniqueRecipient('cc'), uniqueRecipient('bcc')];
    const info = await device(relay.port, { user: scanner.username ?? '', pass: scanner.password ?? '' }).sendMail({
      envelope: { from: SUPPORT, to: [to, cc, hidden] },
      from: SUPPORT,
      to,
      cc,
      replyTo: 'desk@contoso.test',
      subject: 'Large scan',
      text: 'Scanned document attached.',
      html: '<p>Scanned document attached.</p><img src="cid:logo@scanner">',
      priority: 'high',
      headers: { 'X-Device-Id': 'scanner-3f' },
      attachments: [
        { filename: 'logo.png', content: logo, contentType: 'image/png', cid: 'logo@scanner' },
        { filename: 'scan.pdf', content: pdf, contentType: 'application/pdf' },
        ...pages.map((content, i) => ({ filename: `page-${i + 2}.pdf`, content, contentType: 'application/pdf' })),
      ],
    });
    expect(info.response).toMatch(/^250 /);
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
      expect(row.rawMime?.length).toBeGreaterThan(11_000_000);
      expect(row.state).toBe('sent');
      expect(row.attemptLog[0]?.answer).toMatch(/Draft sent by Microsoft Graph/);
      expect(row.graphDraftId).toBeNull();
      const [message] = suite.sandbox.control.readMailbox(to);
      const parsed = await simpleParser(message?.raw ?? '', { keepCidLinks: true });
      const file = parsed.attachments.find((a) => a.filename === 'scan.pdf');
      expect(file?.contentType).toBe('application/pdf');
      expect(Buffer.compare(file?.content ?? Buffer.alloc(0), pdf)).toBe(0);
      for (const [i, page] of pages.entries()) {
        const found = parsed.attachments.find((a) => a.filename === `page-${i + 2}.pdf`);
        expect(Buffer.compare(found?.content ?? Buffer.alloc(0), page)).toBe(0);
      }
      const image = parsed.attachments.find((a) => a.filename === 'logo.png');
      expect(image).toMatchObject({ cid: 'logo@scanner', contentDisposition: 'inline' });
      expect(Buffer.compare(image?.content ?? Buffer.alloc(0), logo)).toBe(0);
      expect(parsed.html).toContain('src="cid:logo@scanner"');
      expect(parsed.headers.get('x-device-id')).toBe('scanner-3f');
      expect(parsed.headers.get('priority')).toBe('high');
      expect(parsed.messageId).toBe(row.messageIdHeader);
      expect(parsed.subject).toBe('Large scan');
      expect(parsed.replyTo?.text).toBe('desk@contoso.test');
      expect(suite.sandbox.control.readMailbox(cc)).toHaveLength(1);
      // The envelope-only recipient (the device's Bcc) travels as the draft's Bcc.
      expect(suite.sandbox.control.readMailbox(hidden)).toHaveLength(1);
      expect(suite.sandbox.control.readMailbox(SUPPORT, 'drafts')).toHaveLength(0);
    } finally {
      await worker.stop();
    }
  }, 90_000);

  it('after a crash, goes on with the recorded draft: no second copy, as MIME or as a draft', async () => {
    const token = await getAccessToken(connectionId, { resource: 'https://graph.microsoft.com' });
    if (!token.ok) throw new Error(token.message);
    const [to, hidden] = [uniqueRecipient('to'), uniqueRecipient('bcc')];
    const composed = new MailComposer({
      from: SUPPORT,
      to,
      subject: 'Crash-safe rebuild',
      text: 'x',
      attachments: [{ filename: 'scan.pdf', content: pdfOf(4_000_000), contentType: 'application/pdf' }],
    }).compile();
    const mime = await composed.build();
    const message: OutboundContent = {
      id: 'relayed',
      messageIdHeader: composed.messageId(),
      createdAt: new Date(),
      from: { address: SUPPORT, name: '' },
      to: [{ address: to, name: '' }],
      cc: [],
      bcc: [{ address: hidden, name: '' }],
      replyTo: [],
      subject: 'Crash-safe rebuild',
      text: null,
      html: null,
      attachments: [],
      raw: { mime, envelopeFrom: SUPPORT, recipients: [to, hidden] },
    };
    const target = { graphBaseUrl: suite.sandbox.info.graphBaseUrl, mailbox: SUPPORT };
    // The first attempt stops right after it stored the draft's id (the process died there).
    let stored: string | null = null;
    const crash = new Error('killed');
    const save = async (id: string | null) => {
      stored = id;
      throw crash;
    };
    await expect(sendOverGraph(message, target, token.accessToken, { previous: null, save })).rejects.toBe(crash);
    expect(stored).not.toBeNull();
    const saves: (string | null)[] = [];
    const second = await sendOverGraph(message, target, token.accessToken, {
      previous: stored,
      save: async (id) => void saves.push(id),
    });
    expect(second).toMatchObject({ kind: 'sent' });
    expect(saves[0]).toBeNull();
    // The process died after the draft was sent but before that was recorded: nothing is sent again.
    const third = await sendOverGraph(message, target, token.accessToken, {
      previous: saves[1] ?? null,
      save: async () => undefined,
    });
    expect(third).toMatchObject({ kind: 'sent', answer: expect.stringMatching(/no longer in Drafts/) });
    expect(suite.sandbox.control.readMailbox(to)).toHaveLength(1);
    expect(suite.sandbox.control.readMailbox(hidden)).toHaveLength(1);
    expect(suite.sandbox.control.readMailbox(SUPPORT, 'drafts')).toHaveLength(0);
  }, 60_000);
});
