import 'server-only';
import type { ConnectionUsage } from '@/lib/connections/connection-usages';
import { db } from '@/lib/db/prisma';

/** Relay clients that name the connection as their Graph fall-back, so it cannot be deleted from under them. */
export async function relayClientUsages(connectionId: string): Promise<ConnectionUsage[]> {
  const clients = await db().relayClient.findMany({
    where: { graphFallbackConnectionId: connectionId },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
  return clients.map((c) => ({
    feature: 'SMTP relay',
    name: `Graph fall-back connection of relay client “${c.name}”`,
    href: `/settings/smtp-relay/${c.id}`,
  }));
}
