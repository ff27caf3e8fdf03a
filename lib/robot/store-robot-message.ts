import 'server-only';
import { db } from '@/lib/db/prisma';
import { isUniqueViolation } from '@/lib/db/errors';
import type { GraphMessage, GraphRecipient } from './graph-message';
import type { AttachmentInfo } from './list-message-attachments';
import type { MessageMime } from './fetch-message-mime';
import { messageKey } from './message-key';
import { BODY_LIMIT_CHARS } from './robot-limits';

// Stores one new message, once: the unique (mailbox, internet message id) makes a second store of the same message
// (a resync after 410, a message marked unread again, two instances) a no-op that reports "duplicate".

export interface Address {
  name: string;
  address: string;
}

function addressOf(recipient: GraphRecipient | null | undefined): Address {
  return { name: recipient?.emailAddress?.name ?? '', address: (recipient?.emailAddress?.address ?? '').toLowerCase() };
}

export async function storeRobotMessage(
  mailbox: { id: string; webhookUrl: string },
  message: GraphMessage,
  mime: MessageMime,
  attachments: AttachmentInfo[],
): Promise<'stored' | 'duplicate'> {
  const from = addressOf(message.from ?? message.sender);
  const to = (message.toRecipients ?? []).map(addressOf);
  const cc = (message.ccRecipients ?? []).map(addressOf);
  const internetMessageId = messageKey(message);
  const content = message.body?.content ?? '';
  const subject = message.subject ?? '';
  const now = new Date();
  const searchText = [
    subject,
    from.name,
    from.address,
    ...to.map((r) => r.address),
    ...cc.map((r) => r.address),
    internetMessageId,
  ]
    .join(' ')
    .toLowerCase();
  try {
    await db().$transaction([
      db().robotMessage.create({
        data: {
          mailboxId: mailbox.id,
          internetMessageId,
          graphMessageId: message.id,
          subject,
          fromName: from.name,
          fromAddress: from.address,
          toRecipients: JSON.stringify(to),
          ccRecipients: JSON.stringify(cc),
          attachments: JSON.stringify(attachments),
          receivedAt: message.receivedDateTime ? new Date(message.receivedDateTime) : now,
          bodyType: message.body?.contentType?.toLowerCase() === 'html' ? 'html' : 'text',
          body: content.slice(0, BODY_LIMIT_CHARS),
          bodyTruncated: content.length > BODY_LIMIT_CHARS,
          mime: mime.bytes ? new Uint8Array(mime.bytes) : null,
          mimeSize: mime.size,
          mimeStored: mime.bytes !== null,
          searchText,
          // Without a webhook the console is where a message goes: it is handed on by being stored.
          handoffState: mailbox.webhookUrl ? 'pending' : 'not_configured',
          nextHandoffAt: mailbox.webhookUrl ? now : null,
          handedOffAt: mailbox.webhookUrl ? null : now,
          nextMailboxActionAt: mailbox.webhookUrl ? null : now,
        },
      }),
      db().robotMailbox.update({ where: { id: mailbox.id }, data: { messagesSeen: { increment: 1 } } }),
    ]);
    return 'stored';
  } catch (error) {
    if (isUniqueViolation(error)) return 'duplicate';
    throw error;
  }
}
