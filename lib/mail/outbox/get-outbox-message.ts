import 'server-only';
import { db } from '@/lib/db/prisma';

/** One message for its Outbox page: headers, body, attachment names and sizes, every attempt. Never the test settings. */
export function getOutboxMessage(id: string) {
  return db().outboundMessage.findUnique({
    where: { id },
    select: {
      id: true,
      source: true,
      state: true,
      fromAddress: true,
      fromName: true,
      toRecipients: true,
      ccRecipients: true,
      bccRecipients: true,
      replyTo: true,
      subject: true,
      textBody: true,
      htmlBody: true,
      messageIdHeader: true,
      size: true,
      attempts: true,
      nextAttemptAt: true,
      leaseOwner: true,
      leaseUntil: true,
      lastError: true,
      lastErrorCode: true,
      providerMessageId: true,
      createdAt: true,
      sentAt: true,
      failedAt: true,
      apiKeyId: true,
      attachments: {
        orderBy: { position: 'asc' },
        select: { id: true, filename: true, contentType: true, size: true, inline: true },
      },
      attemptLog: {
        orderBy: { number: 'asc' },
        select: {
          id: true,
          number: true,
          worker: true,
          transport: true,
          startedAt: true,
          finishedAt: true,
          outcome: true,
          code: true,
          answer: true,
          retryAt: true,
        },
      },
    },
  });
}

export type OutboxMessageDetail = NonNullable<Awaited<ReturnType<typeof getOutboxMessage>>>;
