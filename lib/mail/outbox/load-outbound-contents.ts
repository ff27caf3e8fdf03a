import 'server-only';
import { db } from '@/lib/db/prisma';
import { type OutboundContent, readAddressList } from '@/lib/mail/mail-address';

export interface LoadedMessage extends OutboundContent {
  transportOverride: string | null;
  graphDraftId: string | null;
  /** Earlier attempts: how many, and which an earlier worker left unfinished (it crashed or was killed). */
  attemptCount: number;
  unfinishedAttempts: string[];
}

/** Claimed messages with their attachments and earlier attempts, in one read for the whole batch. */
export async function loadOutboundContents(ids: string[]): Promise<Map<string, LoadedMessage>> {
  const rows = await db().outboundMessage.findMany({
    where: { id: { in: ids } },
    include: { attachments: { orderBy: { position: 'asc' } }, attemptLog: { select: { id: true, outcome: true } } },
  });
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        messageIdHeader: row.messageIdHeader,
        createdAt: row.createdAt,
        from: { address: row.fromAddress, name: row.fromName },
        to: readAddressList(row.toRecipients),
        cc: readAddressList(row.ccRecipients),
        bcc: readAddressList(row.bccRecipients),
        replyTo: readAddressList(row.replyTo),
        subject: row.subject,
        text: row.textBody,
        html: row.htmlBody,
        attachments: row.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, contentId: a.contentId, inline: a.inline, content: Buffer.from(a.content) })),
        transportOverride: row.transportOverride,
        graphDraftId: row.graphDraftId,
        attemptCount: row.attemptLog.length,
        unfinishedAttempts: row.attemptLog.filter((a) => a.outcome === 'in_progress').map((a) => a.id),
      },
    ]),
  );
}
