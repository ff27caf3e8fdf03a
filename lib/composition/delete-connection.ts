import 'server-only';
import { db } from '@/lib/db/prisma';
import { connectionUsages } from './connection-usages';

export type DeleteConnectionResult = { ok: true; name: string } | { ok: false; message: string };

/** Deletes a connection nothing uses; otherwise refuses, naming what uses it. */
export async function deleteConnection(id: string): Promise<DeleteConnectionResult> {
  const connection = await db().serviceConnection.findUnique({ where: { id }, select: { name: true } });
  if (!connection) return { ok: false, message: 'This connection no longer exists.' };
  const usages = await connectionUsages(id);
  if (usages.length > 0) {
    const list = usages.map((usage) => `${usage.feature} (${usage.name})`).join(', ');
    return {
      ok: false,
      message: `The connection “${connection.name}” is used by ${list}. Choose another connection there first.`,
    };
  }
  await db().serviceConnection.delete({ where: { id } });
  return { ok: true, name: connection.name };
}
