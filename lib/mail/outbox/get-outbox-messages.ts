import 'server-only';
import { db } from '@/lib/db/prisma';
import type { OutboxSource } from './outbox-sources';
import { type OutboxFilter, statesOf } from './outbox-states';

export const OUTBOX_PAGE_SIZE = 50;

/** One page of the Outbox list, newest first; no bodies or attachments. */
export async function getOutboxMessages(filter: OutboxFilter, page: number, source: OutboxSource = 'all') {
  const where = {
    ...(filter === 'all' ? {} : { state: { in: statesOf(filter) } }),
    ...(source === 'all' ? {} : { source }),
  };
  const [total, messages] = await Promise.all([
    db().outboundMessage.count({ where }),
    db().outboundMessage.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: {
        id: true,
        source: true,
        relayClientId: true,
        state: true,
        fromAddress: true,
        toRecipients: true,
        subject: true,
        createdAt: true,
        sentAt: true,
        nextAttemptAt: true,
        lastError: true,
        lastErrorCode: true,
        size: true,
        // The last attempt's answer: for sent mail the server's acceptance ("250 2.0.0 OK …", Graph's 202).
        attemptLog: { orderBy: { number: 'desc' }, take: 1, select: { answer: true } },
        _count: { select: { attemptLog: true, attachments: true } },
      },
    }),
  ]);
  // The relay client each relayed message came from, by name (a deleted client: its id is gone, the source stays).
  const relayIds = [...new Set(messages.map((m) => m.relayClientId).filter((id): id is string => Boolean(id)))];
  const clients = relayIds.length
    ? await db().relayClient.findMany({ where: { id: { in: relayIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(clients.map((c) => [c.id, c.name]));
  return {
    messages: messages.map((m) => ({
      ...m,
      relayClientName: m.relayClientId ? (names.get(m.relayClientId) ?? null) : null,
    })),
    total,
    pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)),
  };
}
