import 'server-only';
import { db } from '@/lib/db/prisma';

/** One stored message for its page, without the MIME bytes (downloaded separately). */
export function getRobotMessage(mailboxId: string, id: string) {
  return db().robotMessage.findFirst({
    where: { id, mailboxId, purgedAt: null },
    select: {
      id: true,
      internetMessageId: true,
      subject: true,
      fromName: true,
      fromAddress: true,
      toRecipients: true,
      ccRecipients: true,
      attachments: true,
      receivedAt: true,
      bodyType: true,
      body: true,
      bodyTruncated: true,
      mimeSize: true,
      mimeStored: true,
      handoffState: true,
      handoffAttempts: true,
      nextHandoffAt: true,
      lastHandoffError: true,
      handedOffAt: true,
      mailboxAction: true,
      mailboxActionAttempts: true,
      nextMailboxActionAt: true,
      lastMailboxActionError: true,
      mailboxActionAt: true,
      createdAt: true,
      mailbox: { select: { id: true, name: true, afterProcessing: true, moveToFolder: true } },
    },
  });
}
