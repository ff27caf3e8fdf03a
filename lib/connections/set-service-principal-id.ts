import 'server-only';
import { db } from '@/lib/db/prisma';

/** Keeps the enterprise application's object id an administrator typed; a later app-only token's `oid` replaces it. */
export async function setServicePrincipalId(
  connectionId: string,
  servicePrincipalId: string,
): Promise<{ ok: true; name: string } | { ok: false; message: string }> {
  const { count } = await db().serviceConnection.updateMany({
    where: { id: connectionId, service: { authType: 'application' } },
    data: { servicePrincipalId, servicePrincipalIdAt: new Date() },
  });
  if (count !== 1) return { ok: false, message: 'Only an application connection has an enterprise application id.' };
  const row = await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId }, select: { name: true } });
  return { ok: true, name: row.name };
}
