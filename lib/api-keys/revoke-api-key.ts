import 'server-only';
import { db } from '@/lib/db/prisma';

/** Revokes a key at once: the next request with it is refused. Returns its name, or null if there is no such key. */
export async function revokeApiKey(id: string): Promise<{ name: string; prefix: string } | null> {
  const key = await db().apiKey.findUnique({ where: { id }, select: { name: true, prefix: true, revokedAt: true } });
  if (!key) return null;
  if (!key.revokedAt) await db().apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
  return { name: key.name, prefix: key.prefix };
}
