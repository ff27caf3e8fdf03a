import 'server-only';
import type { ConnectionUsage } from '@/lib/connections/connection-usages';
import { db } from '@/lib/db/prisma';

/** Relay clients that send through the connection or name it as their Graph fall-back: it cannot be deleted meanwhile. */
export async function relayClientUsages(connectionId: string): Promise<ConnectionUsage[]> {
  const clients = await db().relayClient.findMany({
    where: { OR: [{ connectionId }, { graphFallbackConnectionId: connectionId }] },
    select: { id: true, name: true, connectionId: true, graphFallbackConnectionId: true },
    orderBy: { name: 'asc' },
  });
  return clients.flatMap((c) => [
    ...(c.connectionId === connectionId
      ? [
          {
            feature: 'SMTP relay',
            name: `Connection of relay client “${c.name}”`,
            href: `/settings/smtp-relay/${c.id}`,
          },
        ]
      : []),
    ...(c.graphFallbackConnectionId === connectionId
      ? [
          {
            feature: 'SMTP relay',
            name: `Graph fall-back connection of relay client “${c.name}”`,
            href: `/settings/smtp-relay/${c.id}`,
          },
        ]
      : []),
  ]);
}
