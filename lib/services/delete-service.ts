import 'server-only';
import { usageRefusal } from '@/lib/connections/usage-refusal';
import { db } from '@/lib/db/prisma';

export type DeleteServiceResult = { ok: true; name: string } | { ok: false; message: string };

/** Deletes an administrator's own service that no connection uses. Built-ins cannot be deleted. */
export async function deleteService(id: string): Promise<DeleteServiceResult> {
  const service = await db().service.findUnique({ where: { id }, select: { name: true, builtInKey: true } });
  if (!service) return { ok: false, message: 'This service no longer exists.' };
  if (service.builtInKey)
    return { ok: false, message: `“${service.name}” is a built-in service and cannot be deleted.` };
  const refuse = async (): Promise<DeleteServiceResult> => {
    const [connections, total] = await Promise.all([
      db().serviceConnection.findMany({
        where: { serviceId: id },
        select: { name: true },
        orderBy: { name: 'asc' },
        take: 10,
      }),
      db().serviceConnection.count({ where: { serviceId: id } }),
    ]);
    const names = connections.map((c) => c.name);
    return {
      ok: false,
      message: usageRefusal(`The service “${service.name}”`, names, total, 'Delete those connections first.'),
    };
  };
  if ((await db().serviceConnection.count({ where: { serviceId: id } })) > 0) return refuse();
  try {
    await db().service.delete({ where: { id } });
  } catch (error) {
    if ((await db().serviceConnection.count({ where: { serviceId: id } })) > 0) return refuse();
    throw error;
  }
  return { ok: true, name: service.name };
}
