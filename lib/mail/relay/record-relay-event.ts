import 'server-only';
import { db } from '@/lib/db/prisma';
import { relayDay } from './relay-day';

export interface RelayEvent {
  outcome: 'accepted' | 'refused' | 'seen';
  address: string;
  /** What went wrong (the SMTP answer a refused message got, a wrong password). */
  error?: string;
}

/**
 * Counts a message for its relay client and notes where it came from. Each step is one conditional statement: the
 * first count of a new UTC day starts the counters again, and two counts arriving together both land.
 */
export async function recordRelayEvent(clientId: string, event: RelayEvent): Promise<void> {
  const day = relayDay();
  const now = new Date();
  const common = {
    lastSeenAt: now,
    lastAddress: event.address,
    ...(event.error ? { lastError: event.error.slice(0, 500) } : {}),
  };
  const counter = event.outcome === 'accepted' ? 'acceptedToday' : event.outcome === 'refused' ? 'refusedToday' : null;
  for (let round = 0; round < 3; round++) {
    const same = await db().relayClient.updateMany({
      where: { id: clientId, countDay: day },
      data: { ...common, ...(counter ? { [counter]: { increment: 1 } } : {}) },
    });
    if (same.count > 0) return;
    const fresh = await db().relayClient.updateMany({
      where: { id: clientId, countDay: { not: day } },
      data: {
        ...common,
        countDay: day,
        acceptedToday: counter === 'acceptedToday' ? 1 : 0,
        refusedToday: counter === 'refusedToday' ? 1 : 0,
      },
    });
    // Neither matched: another count started the day between the two statements (or the client is gone).
    if (fresh.count > 0) return;
    const exists = await db().relayClient.count({ where: { id: clientId } });
    if (!exists) return;
  }
}
