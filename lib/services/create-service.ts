import 'server-only';
import { db } from '@/lib/db/prisma';
import { isUniqueViolation } from '@/lib/db/errors';
import type { AuthType } from './auth-types';
import { SERVICE_NAME_TAKEN, serviceNameProblem } from './service-name-problem';

export type CreateServiceResult =
  { ok: true; id: string; name: string } | { ok: false; fieldErrors: Record<string, string> };

/** An administrator's own service: one capability whose Scope list they typed (no default to reset to). */
export async function createService(input: {
  name: string;
  authType: AuthType;
  description: string;
  scopes: string[];
}): Promise<CreateServiceResult> {
  const reserved = serviceNameProblem(input.name);
  if (reserved) return { ok: false, fieldErrors: { name: reserved } };
  try {
    const service = await db().service.create({
      data: {
        name: input.name,
        authType: input.authType,
        description: input.description,
        capabilities: {
          create: {
            key: 'default',
            name: 'Default',
            scopes: input.scopes.join(' '),
            defaultScopes: null,
            sortOrder: 0,
          },
        },
      },
      select: { id: true, name: true },
    });
    return { ok: true, ...service };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { name: SERVICE_NAME_TAKEN } };
    throw error;
  }
}
