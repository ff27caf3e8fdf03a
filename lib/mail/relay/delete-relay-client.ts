import 'server-only';
import { db } from '@/lib/db/prisma';

/** Removes a relay client: its next message is refused. Messages it already handed over stay in the outbox. */
export async function deleteRelayClient(id: string): Promise<{ name: string } | null> {
  const row = await db().relayClient.findUnique({ where: { id }, select: { name: true } });
  if (!row) return null;
  const { count } = await db().relayClient.deleteMany({ where: { id } });
  return count === 1 ? row : null;
}
