import 'server-only';
import { db } from '@/lib/db/prisma';
import { scopesProblemFor } from './scope-lines';

export type UpdateScopesResult =
  | { ok: true; serviceId: string; serviceName: string; capabilityName: string; before: string; after: string }
  | { ok: false; message?: string; fieldErrors?: Record<string, string> };

/** Replaces one capability's Scope list, checked against the service's authentication type. */
export async function updateCapabilityScopes(input: {
  capabilityId: string;
  scopes: string[];
}): Promise<UpdateScopesResult> {
  const capability = await db().serviceCapability.findUnique({
    where: { id: input.capabilityId },
    select: { id: true, name: true, scopes: true, service: { select: { id: true, name: true, authType: true } } },
  });
  if (!capability) return { ok: false, message: 'This capability no longer exists.' };
  const problem = scopesProblemFor(capability.service.authType, input.scopes);
  if (problem) return { ok: false, fieldErrors: { scopes: problem } };
  const after = input.scopes.join(' ');
  await db().serviceCapability.update({ where: { id: capability.id }, data: { scopes: after } });
  return {
    ok: true,
    serviceId: capability.service.id,
    serviceName: capability.service.name,
    capabilityName: capability.name,
    before: capability.scopes,
    after,
  };
}
