import 'server-only';
import { db } from '@/lib/db/prisma';
import { TENANT_PUBLIC_FIELDS } from './tenant-fields';

/** One tenant for its edit page, with the connections that use it; never the secret. */
export async function getTenant(id: string) {
  const tenant = await db().tenant.findUnique({
    where: { id },
    select: {
      ...TENANT_PUBLIC_FIELDS,
      connections: { select: { id: true, name: true }, orderBy: { name: 'asc' }, take: 50 },
    },
  });
  return tenant;
}
