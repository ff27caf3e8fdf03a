import 'server-only';
import { db } from '@/lib/db/prisma';
import { CONNECTION_STATES, type ConnectionState } from './connection-states';

/** How many connections are in each state (one grouped count over the state index). */
export async function countConnectionsByState(): Promise<Record<ConnectionState, number>> {
  const groups = await db().serviceConnection.groupBy({ by: ['state'], _count: { _all: true } });
  const counts = Object.fromEntries(CONNECTION_STATES.map((s) => [s, 0])) as Record<ConnectionState, number>;
  for (const group of groups) if (group.state in counts) counts[group.state as ConnectionState] = group._count._all;
  return counts;
}
