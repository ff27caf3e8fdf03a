import 'server-only';
import { db } from '@/lib/db/prisma';
import { SIGNED_OUT } from './signed-out';

/** Drops the stored sign-in (token cache, account, granted scopes); returns the connection's name, or null. */
export async function disconnectConnection(id: string): Promise<string | null> {
  const { count } = await db().serviceConnection.updateMany({
    where: { id },
    data: SIGNED_OUT,
  });
  if (count === 0) return null;
  await db().signInLink.updateMany({ where: { connectionId: id, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
  const row = await db().serviceConnection.findUnique({ where: { id }, select: { name: true } });
  return row?.name ?? null;
}
