import 'server-only';
import { followParentRename } from '@/lib/connections/follow-parent-rename';
import { db } from '@/lib/db/prisma';
import { isUniqueViolation } from '@/lib/db/errors';
import { logger } from '@/lib/log/logger';
import { BUILT_IN_SERVICES, type BuiltInService } from './built-in-services';

// Runs at every start (server.ts, after migrations) and in tests. Idempotent and safe when several instances
// start at once: creation races end in a unique violation, which means another instance won. It keeps built-ins in
// line with the code (names, descriptions, capabilities, default scopes) but never touches the scopes an
// administrator edited; scopes still equal to the old default follow a changed default.

export interface EnsureBuiltInServicesResult {
  created: string[];
  updated: string[];
}

async function createBuiltIn(definition: BuiltInService): Promise<boolean> {
  try {
    await db().service.create({
      data: {
        builtInKey: definition.builtInKey,
        name: definition.name,
        authType: definition.authType,
        description: definition.description,
        capabilities: {
          create: definition.capabilities.map((capability, index) => ({
            key: capability.key,
            name: capability.name,
            scopes: capability.scopes.join(' '),
            defaultScopes: capability.scopes.join(' '),
            optional: capability.optional ?? false,
            sortOrder: index,
          })),
        },
      },
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

async function syncBuiltIn(definition: BuiltInService, serviceId: string): Promise<boolean> {
  const service = await db().service.findUniqueOrThrow({ where: { id: serviceId }, include: { capabilities: true } });
  let changed = false;
  if (
    service.authType !== definition.authType ||
    service.description !== definition.description ||
    service.name !== definition.name
  ) {
    try {
      await db().$transaction(async (tx) => {
        await tx.service.update({
          where: { id: service.id },
          data: { authType: definition.authType, description: definition.description, name: definition.name },
        });
        if (service.name !== definition.name)
          await followParentRename(tx, { serviceId: service.id, serviceName: definition.name });
      });
      changed = true;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      logger.warn('services.builtin_name_taken', { builtInKey: definition.builtInKey, name: definition.name });
    }
  }
  for (const [index, capability] of definition.capabilities.entries()) {
    const defaults = capability.scopes.join(' ');
    const optional = capability.optional ?? false;
    const existing = service.capabilities.find((c) => c.key === capability.key);
    if (!existing) {
      try {
        await db().serviceCapability.create({
          data: {
            serviceId: service.id,
            key: capability.key,
            name: capability.name,
            scopes: defaults,
            defaultScopes: defaults,
            optional,
            sortOrder: index,
          },
        });
        changed = true;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      continue;
    }
    const followsDefault = existing.defaultScopes !== null && existing.scopes === existing.defaultScopes;
    const scopes = followsDefault ? defaults : existing.scopes;
    if (
      existing.name !== capability.name ||
      existing.optional !== optional ||
      existing.sortOrder !== index ||
      existing.defaultScopes !== defaults ||
      existing.scopes !== scopes
    ) {
      // Conditional on the scopes read above, so an administrator's edit made meanwhile is never overwritten.
      await db().serviceCapability.updateMany({
        where: { id: existing.id, scopes: existing.scopes },
        data: { name: capability.name, optional, sortOrder: index, defaultScopes: defaults, scopes },
      });
      changed = true;
    }
  }
  return changed;
}

export async function ensureBuiltInServices(): Promise<EnsureBuiltInServicesResult> {
  const result: EnsureBuiltInServicesResult = { created: [], updated: [] };
  for (const definition of BUILT_IN_SERVICES) {
    const existing = await db().service.findUnique({
      where: { builtInKey: definition.builtInKey },
      select: { id: true },
    });
    if (!existing && (await createBuiltIn(definition))) {
      result.created.push(definition.name);
      continue;
    }
    const service =
      existing ??
      (await db().service.findUnique({ where: { builtInKey: definition.builtInKey }, select: { id: true } }));
    if (!service) {
      // The name is held by a service an administrator added before this built-in existed.
      logger.warn('services.builtin_not_created', { builtInKey: definition.builtInKey, name: definition.name });
      continue;
    }
    if (await syncBuiltIn(definition, service.id)) result.updated.push(definition.name);
  }
  return result;
}
