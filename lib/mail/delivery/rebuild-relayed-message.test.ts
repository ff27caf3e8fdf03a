import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import type { OutboundContent } from '@/lib/mail/mail-address';
import { rebuildRelayedMessage } from './rebuild-relayed-message';

const stored: OutboundContent = {
  id: 'm1',
  messageIdHeader: '<fixed@contoso.test>',
  createdAt: new Date(),
  from: { address: 'scanner@contoso.test', name: '' },
  to: [],
  cc: [],
  bcc: [],
  replyTo: [],
  subject: '',
  text: null,
  html: null,
  attachments: [],
};

async function mime(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  const node = new MailComposer(options).compile();
  node.keepBcc = true;
  return node.build();
}

describe('rebuildRelayedMessage', () => {
  it('keeps every recipient: the Bcc header and the envelope recipients no header names, once each', async () => {
    const raw = await mime({
      from: 'Scanner <scanner@contoso.test>',
      to: 'Ann <ann@example.test>',
      cc: 'bob@example.test',
      bcc: 'carol@example.test',
      replyTo: 'desk@contoso.test',
      subject: 'Scan',
      text: 'plain only',
    });
    const envelope = ['ann@example.test', 'BOB@example.test', 'carol@example.test', 'dave@example.test'];
    const rebuilt = await rebuildRelayedMessage(stored, { mime: raw, envelopeFrom: '', recipients: envelope });
    expect(rebuilt.from).toEqual({ address: 'scanner@contoso.test', name: 'Scanner' });
    expect(rebuilt.to).toEqual([{ address: 'ann@example.test', name: 'Ann' }]);
    expect(rebuilt.cc.map((a) => a.address)).toEqual(['bob@example.test']);
    expect(rebuilt.bcc.map((a) => a.address)).toEqual(['carol@example.test', 'dave@example.test']);
    expect(rebuilt.replyTo.map((a) => a.address)).toEqual(['desk@contoso.test']);
    expect(rebuilt).toMatchObject({ subject: 'Scan', text: expect.stringMatching(/^plain only\s*$/), html: null });
    expect(rebuilt.raw).toBeNull();
    expect(rebuilt.messageIdHeader).toBe('<fixed@contoso.test>');
  });

  it('keeps the HTML body with its cid: links, inline parts with their Content-ID, files with name and type', async () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
    const raw = await mime({
      from: 'scanner@contoso.test',
      to: 'ann@example.test',
      subject: 'Report',
      text: 'alternative',
      html: '<p><img src="cid:logo@device"></p>',
      attachments: [
        { filename: 'logo.png', content: png, contentType: 'image/png', cid: 'logo@device' },
        { filename: 'report.pdf', content: pdf, contentType: 'application/pdf' },
      ],
    });
    const rebuilt = await rebuildRelayedMessage(stored, { mime: raw, envelopeFrom: '', recipients: [] });
    expect(rebuilt.html).toContain('src="cid:logo@device"');
    expect(rebuilt.text).toBeNull();
    expect(rebuilt.attachments.map(({ content, ...a }) => ({ ...a, bytes: content.toString('hex') }))).toEqual([
      {
        filename: 'logo.png',
        contentType: 'image/png',
        contentId: 'logo@device',
        inline: true,
        bytes: png.toString('hex'),
      },
      {
        filename: 'report.pdf',
        contentType: 'application/pdf',
        contentId: null,
        inline: false,
        bytes: pdf.toString('hex'),
      },
    ]);
  });

  it('carries the first five X- headers as written, and the priority as importance', async () => {
    const raw = await mime({
      from: 'scanner@contoso.test',
      to: 'ann@example.test',
      subject: 'Headers',
      text: 'x',
      headers: {
        'X-Priority': '1 (Highest)',
        'X-Device': 'Scanner 3F',
        'In-Reply-To': '<earlier@contoso.test>',
        'X-Encoded': '=?UTF-8?Q?caf=C3=A9?=',
        'X-A': '1',
        'X-B': '2',
        'X-C': '3',
        'X-D': '4',
      },
    });
    const rebuilt = await rebuildRelayedMessage(stored, { mime: raw, envelopeFrom: '', recipients: [] });
    expect(rebuilt.headers).toEqual([
      { name: 'X-Device', value: 'Scanner 3F' },
      { name: 'X-Encoded', value: '=?UTF-8?Q?caf=C3=A9?=' },
      { name: 'X-A', value: '1' },
      { name: 'X-B', value: '2' },
      { name: 'X-C', value: '3' },
    ]);
    expect(rebuilt.importance).toBe('high');
  });
});
