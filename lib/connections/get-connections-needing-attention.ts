import 'server-only';
import { db } from '@/lib/db/prisma';

/** Connections whose stored sign-in Microsoft no longer accepts: every console page shows them until fixed. */
export async function getConnectionsNeedingReauth() {
  const [count, first] = await Promise.all([
    db().serviceConnection.count({ where: { state: 'needs_reauth' } }),
    db().serviceConnection.findMany({
      where: { state: 'needs_reauth' },
      orderBy: { name: 'asc' },
      take: 3,
      select: { id: true, name: true, lastError: true },
    }),
  ]);
  return { count, first };
}
