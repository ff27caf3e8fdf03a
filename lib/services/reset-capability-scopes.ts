import 'server-only';
import { db } from '@/lib/db/prisma';

export type ResetScopesResult =
  | { ok: true; serviceId: string; serviceName: string; capabilityName: string; before: string; after: string }
  | { ok: false; message: string };

/** Puts a built-in capability's Scope list back to the default it shipped with. */
export async function resetCapabilityScopes(capabilityId: string): Promise<ResetScopesResult> {
  const capability = await db().serviceCapability.findUnique({
    where: { id: capabilityId },
    select: { id: true, name: true, scopes: true, defaultScopes: true, service: { select: { id: true, name: true } } },
  });
  if (!capability) return { ok: false, message: 'This capability no longer exists.' };
  if (capability.defaultScopes === null)
    return { ok: false, message: 'Only built-in services have default scopes to reset to.' };
  await db().serviceCapability.update({ where: { id: capability.id }, data: { scopes: capability.defaultScopes } });
  return {
    ok: true,
    serviceId: capability.service.id,
    serviceName: capability.service.name,
    capabilityName: capability.name,
    before: capability.scopes,
    after: capability.defaultScopes,
  };
}
