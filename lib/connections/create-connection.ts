import 'server-only';
import { db } from '@/lib/db/prisma';
import { isUniqueViolation } from '@/lib/db/errors';
import { generatedConnectionName } from './generated-name';
import { termsOfName } from './search-terms';
import { CONNECTION_NAME_TAKEN, type CreateConnectionInput } from './schemas';
import { knownOptionalCapabilities } from './known-optional-capabilities';

export type SaveConnectionResult =
  // awaitsSignIn: a delegated connection nobody has signed in to yet (Save & Close then opens it, not the list).
  | { ok: true; id: string; name: string; serviceName: string; tenantName: string; awaitsSignIn: boolean }
  | { ok: false; message?: string; fieldErrors?: Record<string, string> };

/** A new connection, "Not authenticated" until Setup Authentication. Named "Service - Tenant" unless typed. */
export async function createConnection(input: CreateConnectionInput): Promise<SaveConnectionResult> {
  const [service, tenant] = await Promise.all([
    db().service.findUnique({ where: { id: input.serviceId }, select: { id: true, name: true, authType: true } }),
    db().tenant.findUnique({ where: { id: input.tenantId }, select: { id: true, name: true } }),
  ]);
  const fieldErrors: Record<string, string> = {};
  if (!service) fieldErrors.serviceId = 'This service no longer exists: choose another';
  if (!tenant) fieldErrors.tenantId = 'This tenant no longer exists: choose another';
  if (!service || !tenant) return { ok: false, fieldErrors };
  const name = input.nameCustomized ? input.name : generatedConnectionName(service.name, tenant.name);
  try {
    const connection = await db().serviceConnection.create({
      data: {
        name,
        nameCustomized: input.nameCustomized,
        serviceId: service.id,
        serviceName: service.name,
        tenantId: tenant.id,
        tenantName: tenant.name,
        optionalCapabilities: await knownOptionalCapabilities(service.id, input.optionalCapabilities ?? []),
        searchTerms: { create: termsOfName(name).map((term) => ({ term })) },
      },
      select: { id: true, name: true },
    });
    return {
      ok: true,
      ...connection,
      serviceName: service.name,
      tenantName: tenant.name,
      awaitsSignIn: service.authType !== 'application',
    };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { name: CONNECTION_NAME_TAKEN } };
    throw error;
  }
}
