import { z } from 'zod';
import { AUTH_TYPES } from './auth-types';
import { MAX_SCOPES, scopeProblem, scopesProblemFor, splitScopeLines } from './scope-lines';

// Shared by the service forms (client) and their actions (server). A Scope list is typed one scope per line and
// stored space-separated, as OAuth sends it.

export const scopeListSchema = z.string({ error: 'Enter at least one scope' }).transform((raw, ctx) => {
  const scopes = splitScopeLines(raw);
  if (scopes.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'Enter at least one scope' });
    return z.NEVER;
  }
  if (scopes.length > MAX_SCOPES) {
    ctx.addIssue({ code: 'custom', message: `Use at most ${MAX_SCOPES} scopes` });
    return z.NEVER;
  }
  const seen = new Set<string>();
  for (const scope of scopes) {
    const problem = scopeProblem(scope);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem });
      return z.NEVER;
    }
    if (seen.has(scope.toLowerCase())) {
      ctx.addIssue({ code: 'custom', message: `"${scope}" is listed twice.` });
      return z.NEVER;
    }
    seen.add(scope.toLowerCase());
  }
  return scopes;
});

const serviceNameSchema = z
  .string({ error: 'Enter a name' })
  .trim()
  .min(1, 'Enter a name')
  .max(100, 'Use at most 100 characters');

const descriptionSchema = z
  .string()
  .optional()
  .transform((v) => (v ?? '').trim())
  .pipe(z.string().max(500, 'Use at most 500 characters'));

export const createServiceSchema = z
  .object({
    name: serviceNameSchema,
    authType: z.enum(AUTH_TYPES, { error: 'Choose an authentication type' }),
    description: descriptionSchema,
    scopes: scopeListSchema,
  })
  .superRefine((value, ctx) => {
    const problem = scopesProblemFor(value.authType, value.scopes);
    if (problem) ctx.addIssue({ code: 'custom', path: ['scopes'], message: problem });
  });

export const updateServiceSchema = z.object({
  id: z.string().min(1),
  name: serviceNameSchema,
  description: descriptionSchema,
});

export const updateScopesSchema = z.object({
  capabilityId: z.string().min(1),
  scopes: scopeListSchema,
});

export const capabilityIdSchema = z.object({ capabilityId: z.string().min(1) });
export const serviceIdSchema = z.object({ id: z.string().min(1) });
