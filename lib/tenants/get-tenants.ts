import 'server-only';
import { db } from '@/lib/db/prisma';
import { TENANT_PUBLIC_FIELDS } from './tenant-fields';

/** Every tenant for the Tenants list, with how many connections use each; never the secret. */
export async function getTenants() {
  const tenants = await db().tenant.findMany({
    select: { ...TENANT_PUBLIC_FIELDS, _count: { select: { connections: true } } },
    orderBy: { name: 'asc' },
  });
  return tenants.map(({ _count, ...tenant }) => ({ ...tenant, connectionCount: _count.connections }));
}
