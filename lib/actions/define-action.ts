import 'server-only';
import crypto from 'node:crypto';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { type AuditEventInput, recordAuditEvent } from '@/lib/audit/record-audit-event';
import { type CurrentAdmin, getCurrentAdmin } from '@/lib/auth/current-admin';
import { type RequestContext, requestContext } from '@/lib/http/client-address';
import { fieldErrorsOf } from '@/lib/http/field-errors-of';
import { logger } from '@/lib/log/logger';
import type { ActionState } from './action-state';

const SECRET_FIELD = /password|secret|token|key/i;

// Longer than any field of any form (a PEM certificate is a few KB); a megabyte typed or posted into a name gets
// an answer at that field instead of reaching the database.
const MAX_FIELD_CHARACTERS = 100_000;

export interface ActionContext {
  admin: CurrentAdmin;
  request: RequestContext;
  audit(event: Omit<AuditEventInput, 'actor' | 'ipAddress' | 'userAgent'>): Promise<void>;
}

export interface PublicActionContext {
  request: RequestContext;
  /** The submitted fields as text, for values the schema does not carry (e.g. the login page's return path). */
  values: Record<string, string>;
}

function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  }
  return values;
}

function echo(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => !SECRET_FIELD.test(k)));
}

/**
 * What no form accepts, answered at the field: NUL characters (PostgreSQL cannot store them in text, SQLite would,
 * so both databases refuse them here alike) and values beyond any field's size.
 */
function unacceptableFields(values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value.length > MAX_FIELD_CHARACTERS) errors[key] = `This is too long (at most ${MAX_FIELD_CHARACTERS.toLocaleString('en')} characters)`;
    else if (value.includes('\u0000')) errors[key] = 'Remove the NUL character (\\0) from this field';
  }
  return errors;
}

async function run<S extends z.ZodType>(
  schema: S,
  formData: unknown,
  body: (input: z.output<S>, values: Record<string, string>) => Promise<ActionState>,
): Promise<ActionState> {
  // Forms post FormData; anything else was sent by hand to the action's endpoint.
  if (!(formData instanceof FormData)) return { status: 'error', message: 'This form could not be read. Reload the page and try again.' };
  const values = formValues(formData);
  const unacceptable = unacceptableFields(values);
  if (Object.keys(unacceptable).length > 0) {
    return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: unacceptable, values: echo(Object.fromEntries(Object.entries(values).filter(([k]) => !(k in unacceptable)))) };
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error), values: echo(values) };
  }
  try {
    const state = await body(parsed.data, values);
    return state.status === 'error' ? { ...state, values: state.values ?? echo(values) } : state;
  } catch (error) {
    unstable_rethrow(error);
    const correlationId = crypto.randomUUID().slice(0, 8);
    logger.error('action.failed', { correlationId, error: (error as Error).message, stack: (error as Error).stack });
    return { status: 'error', message: `Something went wrong (id ${correlationId}). Nothing was changed.`, values: echo(values) };
  }
}

/** A form action for a signed-in administrator: parse with the form's schema, authenticate, run, audit. */
export function adminAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const admin = await getCurrentAdmin();
    if (!admin) return { status: 'error', message: 'Your session has ended. Sign in again.' };
    const request = await requestContext();
    const ctx: ActionContext = {
      admin,
      request,
      audit: (event) => recordAuditEvent({ ...event, actor: { id: admin.id, email: admin.email }, ...request }),
    };
    return run(schema, formData, (input) => handler(input, ctx));
  };
}

/** A form action that needs no session (login, first-run setup). */
export function publicAction<S extends z.ZodType>(
  schema: S,
  handler: (input: z.output<S>, ctx: PublicActionContext) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const request = await requestContext();
    return run(schema, formData, (input, values) => handler(input, { request, values }));
  };
}
