import 'server-only';
import crypto from 'node:crypto';
import { db } from '@/lib/db/prisma';
import { isUniqueViolation } from '@/lib/db/errors';
import { leaseEnd } from '@/lib/db/row-lease';
import type { MailAddress } from '@/lib/mail/mail-address';
import { wakeOutboxWorker } from './wake-outbox-worker';

export type MessageSource = 'test' | 'api' | 'robot' | 'relay' | 'notification';

export interface NewAttachment {
  filename: string;
  contentType: string;
  contentId?: string | null;
  inline?: boolean;
  content: Buffer;
}

export interface NewOutboundMessage {
  source: MessageSource;
  apiKeyId?: string | null;
  from: MailAddress;
  to: MailAddress[];
  cc?: MailAddress[];
  bcc?: MailAddress[];
  replyTo?: MailAddress[];
  subject: string;
  text?: string | null;
  html?: string | null;
  attachments?: NewAttachment[];
  /** A relayed message: delivered as these bytes to this envelope; the fields above are for the Outbox only. */
  raw?: { mime: Buffer; envelopeFrom: string; envelopeRecipients: string[]; messageIdHeader: string | null };
  relayClientId?: string | null;
  /** Claim it at once for this owner, who sends it itself (the test email waits for its own first attempt). */
  claimFor?: { owner: string; leaseMs: number };
}

export interface AcceptedMessage {
  id: string;
  messageIdHeader: string;
}

function newMessageId(from: string): string {
  const domain = from.slice(from.lastIndexOf('@') + 1).replace(/[^a-z0-9.-]/gi, '') || 'switchboard.local';
  return `<${crypto.randomBytes(16).toString('base64url')}.sb@${domain}>`;
}

/**
 * Accepts a message: it is in the database, with its attachments, in one transaction, before this returns. Its
 * Message-ID is fixed here, so every attempt (and a retry after a crash) sends the same message.
 */
export async function enqueueMessage(input: NewOutboundMessage): Promise<AcceptedMessage> {
  // A relayed message keeps the Message-ID the device gave it, unless another message already has it (a device that
  // repeats ids): then the outbox row gets one of its own, and the bytes stay as sent.
  const own = input.raw?.messageIdHeader ?? null;
  try {
    return await insert(input, own ?? newMessageId(input.from.address));
  } catch (error) {
    if (!own || !isUniqueViolation(error)) throw error;
    return insert(input, newMessageId(input.from.address));
  }
}

async function insert(input: NewOutboundMessage, messageIdHeader: string): Promise<AcceptedMessage> {
  const attachments = input.attachments ?? [];
  const size = input.raw
    ? input.raw.mime.length
    : Buffer.byteLength(input.text ?? '') +
      Buffer.byteLength(input.html ?? '') +
      attachments.reduce((sum, a) => sum + a.content.length, 0);
  const now = new Date();
  const row = await db().outboundMessage.create({
    data: {
      source: input.source,
      apiKeyId: input.apiKeyId ?? null,
      fromAddress: input.from.address,
      fromName: input.from.name,
      toRecipients: JSON.stringify(input.to),
      ccRecipients: JSON.stringify(input.cc ?? []),
      bccRecipients: JSON.stringify(input.bcc ?? []),
      replyTo: JSON.stringify(input.replyTo ?? []),
      subject: input.subject,
      textBody: input.text ?? null,
      htmlBody: input.html ?? null,
      messageIdHeader,
      size,
      nextAttemptAt: now,
      ...(input.raw
        ? {
            rawMime: new Uint8Array(input.raw.mime),
            envelopeFrom: input.raw.envelopeFrom,
            envelopeRecipients: JSON.stringify(input.raw.envelopeRecipients.map((address) => ({ address, name: '' }))),
            relayClientId: input.relayClientId ?? null,
          }
        : {}),
      ...(input.claimFor
        ? {
            state: 'sending',
            leaseOwner: input.claimFor.owner,
            leaseUntil: leaseEnd(now, input.claimFor.leaseMs),
            attempts: 1,
          }
        : {}),
      attachments: {
        create: attachments.map((a, position) => ({
          position,
          filename: a.filename,
          contentType: a.contentType,
          contentId: a.contentId ?? null,
          inline: a.inline ?? false,
          size: a.content.length,
          content: new Uint8Array(a.content),
        })),
      },
    },
    select: { id: true },
  });
  if (!input.claimFor) wakeOutboxWorker();
  return { id: row.id, messageIdHeader };
}
