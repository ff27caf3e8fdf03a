import 'server-only';
import { followParentRename } from '@/lib/connections/follow-parent-rename';
import { db } from '@/lib/db/prisma';
import { isUniqueViolation } from '@/lib/db/errors';
import { SERVICE_NAME_TAKEN, serviceNameProblem } from './service-name-problem';

export type UpdateServiceResult =
  | { ok: true; name: string; previousName: string; renamedConnections: number }
  | { ok: false; message?: string; fieldErrors?: Record<string, string> };

/** Renames (and re-describes) an administrator's own service; built-ins keep the guides' names. */
export async function updateService(input: {
  id: string;
  name: string;
  description: string;
}): Promise<UpdateServiceResult> {
  const service = await db().service.findUnique({ where: { id: input.id }, select: { name: true, builtInKey: true } });
  if (!service) return { ok: false, message: 'This service no longer exists.' };
  if (service.builtInKey)
    return { ok: false, message: 'Built-in services keep their names; you can edit their scopes.' };
  const reserved = serviceNameProblem(input.name);
  if (reserved) return { ok: false, fieldErrors: { name: reserved } };
  try {
    const renamedConnections = await db().$transaction(async (tx) => {
      await tx.service.update({ where: { id: input.id }, data: { name: input.name, description: input.description } });
      return service.name === input.name ? 0 : followParentRename(tx, { serviceId: input.id, serviceName: input.name });
    });
    return { ok: true, name: input.name, previousName: service.name, renamedConnections };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const taken = await db().service.findFirst({
      where: { name: input.name, id: { not: input.id } },
      select: { id: true },
    });
    return {
      ok: false,
      fieldErrors: {
        name: taken
          ? SERVICE_NAME_TAKEN
          : 'Renaming would give one of this service’s connections the name of another connection',
      },
    };
  }
}
