import 'server-only';
import { usageRefusal } from '@/lib/connections/usage-refusal';
import { db } from '@/lib/db/prisma';

export type DeleteTenantResult = { ok: true; name: string } | { ok: false; message: string; connections?: string[] };

const NAMED = 10;

/** Deletes a tenant no connection uses; otherwise refuses, naming the connections. */
export async function deleteTenant(id: string): Promise<DeleteTenantResult> {
  const tenant = await db().tenant.findUnique({ where: { id }, select: { name: true } });
  if (!tenant) return { ok: false, message: 'This tenant no longer exists.' };
  const refuse = async (): Promise<DeleteTenantResult> => {
    const [connections, total] = await Promise.all([
      db().serviceConnection.findMany({
        where: { tenantId: id },
        select: { name: true },
        orderBy: { name: 'asc' },
        take: NAMED,
      }),
      db().serviceConnection.count({ where: { tenantId: id } }),
    ]);
    const names = connections.map((c) => c.name);
    return {
      ok: false,
      message: usageRefusal(
        `The tenant “${tenant.name}”`,
        names,
        total,
        'Delete those connections or move them to another tenant first.',
      ),
      connections: names,
    };
  };
  if ((await db().serviceConnection.count({ where: { tenantId: id } })) > 0) return refuse();
  try {
    await db().tenant.delete({ where: { id } });
  } catch (error) {
    // A connection added since the check: the foreign key (onDelete: Restrict) refused the delete.
    if ((await db().serviceConnection.count({ where: { tenantId: id } })) > 0) return refuse();
    throw error;
  }
  return { ok: true, name: tenant.name };
}
