import 'server-only';
import { db } from '@/lib/db/prisma';
import { forgetAccessTokens } from '@/lib/entra/recent-access-tokens';
import { SIGNED_OUT } from './signed-out';

/** Drops the stored sign-in (token cache, account, granted scopes); returns the connection's name, or null. */
export async function disconnectConnection(id: string): Promise<string | null> {
  const { count } = await db().serviceConnection.updateMany({
    where: { id },
    data: SIGNED_OUT,
  });
  if (count === 0) return null;
  forgetAccessTokens(id);
  await db().signInLink.updateMany({
    where: { connectionId: id, usedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const row = await db().serviceConnection.findUnique({ where: { id }, select: { name: true } });
  return row?.name ?? null;
}
