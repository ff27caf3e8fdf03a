import 'server-only';
import { db } from '@/lib/db/prisma';

/** The keys among `keys` that are optional capabilities of the service, space-separated as stored; others are dropped. */
export async function knownOptionalCapabilities(serviceId: string, keys: readonly string[]): Promise<string> {
  if (keys.length === 0) return '';
  const rows = await db().serviceCapability.findMany({
    where: { serviceId, optional: true, key: { in: [...keys] } },
    select: { key: true },
    orderBy: { sortOrder: 'asc' },
  });
  return rows.map((r) => r.key).join(' ');
}
