import 'server-only';
import { db } from '@/lib/db/prisma';

export interface ApiMessageStatus {
  id: string;
  state: string;
  messageId: string;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string | null;
  sentAt: string | null;
  failedAt: string | null;
  lastError: string | null;
  providerMessageId: string | null;
}

/** GET /api/v1/messages/{id}: the state of a message this key submitted (another key's messages do not exist). */
export async function getApiMessageStatus(id: string, keyId: string): Promise<ApiMessageStatus | null> {
  const row = await db().outboundMessage.findFirst({
    where: { id, apiKeyId: keyId },
    select: {
      id: true,
      state: true,
      messageIdHeader: true,
      createdAt: true,
      nextAttemptAt: true,
      sentAt: true,
      failedAt: true,
      lastError: true,
      providerMessageId: true,
      _count: { select: { attemptLog: true } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    state: row.state,
    messageId: row.messageIdHeader,
    createdAt: row.createdAt.toISOString(),
    attempts: row._count.attemptLog,
    nextAttemptAt: row.state === 'queued' ? row.nextAttemptAt.toISOString() : null,
    sentAt: row.sentAt?.toISOString() ?? null,
    failedAt: row.failedAt?.toISOString() ?? null,
    lastError: row.lastError,
    providerMessageId: row.providerMessageId,
  };
}
