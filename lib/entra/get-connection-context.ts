import 'server-only';
import { db } from '@/lib/db/prisma';
import { type ConnectionContext, connectionContextOf } from './connection-context';

/**
 * A connection's context without asking for a token, for a consumer that needs no Microsoft call this time (the
 * robot handing off stored messages). Null when the connection no longer exists.
 */
export async function getConnectionContext(connectionId: string): Promise<ConnectionContext | null> {
  const row = await db().serviceConnection.findUnique({
    where: { id: connectionId },
    select: {
      id: true,
      name: true,
      accountUsername: true,
      service: { select: { authType: true } },
      tenant: {
        select: { cloud: true, authorityHost: true, graphBaseUrl: true, graphResource: true, exchangeResource: true },
      },
    },
  });
  return row ? connectionContextOf(row) : null;
}
