import 'server-only';
import { db } from '@/lib/db/prisma';
import { OUTBOX_STATES, type OutboxState } from './outbox-states';

/** How many messages are in each state (one grouped count over the state index). */
export async function getOutboxCounts(): Promise<Record<OutboxState, number>> {
  const groups = await db().outboundMessage.groupBy({ by: ['state'], _count: { _all: true } });
  const counts = Object.fromEntries(OUTBOX_STATES.map((s) => [s, 0])) as Record<OutboxState, number>;
  for (const group of groups) if (group.state in counts) counts[group.state as OutboxState] = group._count._all;
  return counts;
}
