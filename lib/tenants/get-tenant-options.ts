import 'server-only';
import { db } from '@/lib/db/prisma';

/** Tenants for a Tenant select: id and name only. */
export function getTenantOptions() {
  return db().tenant.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } });
}
