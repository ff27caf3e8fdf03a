import 'server-only';
import crypto from 'node:crypto';
import { simpleParser } from 'mailparser';
import { parsedAddresses } from '@/lib/mail/parsed-addresses';
import { enqueueMessage } from '@/lib/mail/outbox/enqueue-message';
import { isSenderAllowed } from '@/lib/mail/settings/is-sender-allowed';

export interface RelayHandover {
  clientId: string;
  allowedSenders: string[];
  envelopeFrom: string;
  recipients: string[];
  mime: Buffer;
}

export type RelayAcceptance = { ok: true; id: string } | { ok: false; code: number; text: string };

const HEADER_END = /\r?\n\r?\n/;

/**
 * A message handed over by a relay client, checked (the From header against the client's allowed senders) and
 * stored in the outbox as the bytes the device sent; the SMTP 250 is answered only after this returns ok. Only the
 * header block is parsed, for the From check and the Outbox's columns; the body is stored untouched.
 */
export async function acceptRelayMessage(handover: RelayHandover): Promise<RelayAcceptance> {
  const head = handover.mime.subarray(0, Math.min(handover.mime.length, 512 * 1024)).toString('latin1');
  const end = HEADER_END.exec(head);
  const headerBytes = Buffer.from(end ? head.slice(0, end.index) : head, 'latin1');
  const headers = await simpleParser(Buffer.concat([headerBytes, Buffer.from('\r\n\r\n')]), {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  });
  const from = parsedAddresses(headers.from);
  if (from.length === 0) return { ok: false, code: 550, text: '5.6.0 The message has no From header' };
  const refused = from.find((a) => !isSenderAllowed(a.address, '', handover.allowedSenders));
  if (refused)
    return {
      ok: false,
      code: 550,
      text: `5.7.1 Sender ${refused.address} (From header) is not allowed for this client`,
    };
  const to = parsedAddresses(headers.to);
  const cc = parsedAddresses(headers.cc);
  const named = new Set([...to, ...cc].map((a) => a.address.toLowerCase()));
  const bcc = handover.recipients.filter((r) => !named.has(r.toLowerCase())).map((address) => ({ address, name: '' }));
  // A message without a Message-ID gets one (every attempt then sends the same id); one with an id keeps it.
  const own = headers.messageId
    ? headers.messageId.startsWith('<')
      ? headers.messageId
      : `<${headers.messageId}>`
    : null;
  const messageId =
    own ??
    `<${crypto.randomBytes(16).toString('base64url')}.relay@${from[0]!.address.split('@')[1] ?? 'switchboard.local'}>`;
  const mime = own ? handover.mime : Buffer.concat([Buffer.from(`Message-ID: ${messageId}\r\n`), handover.mime]);
  const accepted = await enqueueMessage({
    source: 'relay',
    relayClientId: handover.clientId,
    from: from[0]!,
    to,
    cc,
    bcc,
    subject: headers.subject ?? '',
    raw: {
      mime,
      envelopeFrom: handover.envelopeFrom,
      envelopeRecipients: handover.recipients,
      messageIdHeader: messageId,
    },
  });
  return { ok: true, id: accepted.id };
}
