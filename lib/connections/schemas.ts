import { z } from 'zod';
import { splitScopes } from '@/lib/entra/oauth-scopes';
import { CONNECTION_NAME_MAX } from './connection-name';

// Shared by the connection forms (client) and their actions (server).

export const CONNECTION_NAME_TAKEN = 'A connection with this name already exists';

const connectionFields = {
  serviceId: z.string({ error: 'Choose a service' }).trim().min(1, 'Choose a service'),
  tenantId: z.string({ error: 'Choose a tenant' }).trim().min(1, 'Choose a tenant'),
  name: z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim())
    .pipe(z.string().max(CONNECTION_NAME_MAX, `Use at most ${CONNECTION_NAME_MAX} characters`)),
  /** "true" once the administrator typed a name; until then the server names it "Service - Tenant". */
  nameCustomized: z
    .string()
    .optional()
    .transform((v) => v === 'true'),
  /** Keys of the service's optional capabilities turned on for this connection, space-separated. */
  optionalCapabilities: z
    .string()
    .max(1000)
    .optional()
    // Absent (a form without the switch) keeps what is stored.
    .transform((v) => (v === undefined ? undefined : splitScopes(v))),
};

function nameRequiredWhenCustomized(value: { name: string; nameCustomized: boolean }, ctx: z.RefinementCtx) {
  if (value.nameCustomized && !value.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Enter a name' });
}

const ALWAYS = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

export const createConnectionSchema = z.object(connectionFields).superRefine(nameRequiredWhenCustomized, ALWAYS);

export const updateConnectionSchema = z
  .object({ id: z.string().min(1), ...connectionFields })
  .superRefine(nameRequiredWhenCustomized, ALWAYS);

export const connectionIdSchema = z.object({ id: z.string().min(1) });

type WithOptionalCapabilities<T> = Omit<T, 'optionalCapabilities'> & { optionalCapabilities?: string[] | undefined };
export type CreateConnectionInput = WithOptionalCapabilities<z.output<typeof createConnectionSchema>>;
export type UpdateConnectionInput = WithOptionalCapabilities<z.output<typeof updateConnectionSchema>>;
