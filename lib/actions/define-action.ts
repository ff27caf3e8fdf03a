import 'server-only';
import type { z } from 'zod';
import type { AuditActor } from '@/lib/audit/record-audit-event';
import { type CurrentAdmin, getCurrentAdmin } from '@/lib/auth/current-admin';
import { type RequestContext, requestContext } from '@/lib/http/client-address';
import { fieldErrorsOf } from '@/lib/http/field-errors-of';
import type { ActionState } from './action-state';
import { type ActionAudit, type AuditDeclaration, runAudited } from './run-audited';
import { somethingWentWrong } from './something-went-wrong';

const SECRET_FIELD = /password|secret|token|key/i;

// Longer than any field of any form (a PEM certificate is a few KB); a megabyte typed or posted into a name gets
// an answer at that field instead of reaching the database.
const MAX_FIELD_CHARACTERS = 100_000;

export interface ActionContext {
  admin: CurrentAdmin;
  request: RequestContext;
  /** The declared audit entry's target, summary and details: the wrapper writes it when the handler is done. */
  audit: ActionAudit;
}

export interface PublicActionContext {
  request: RequestContext;
  audit: ActionAudit;
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
    if (value.length > MAX_FIELD_CHARACTERS)
      errors[key] = `This is too long (at most ${MAX_FIELD_CHARACTERS.toLocaleString('en')} characters)`;
    else if (value.includes('\u0000')) errors[key] = 'Remove the NUL character (\\0) from this field';
  }
  return errors;
}

interface Run<S extends z.ZodType> {
  schema: S;
  declaration: AuditDeclaration<z.output<S>>;
  actor: AuditActor | null;
  request: RequestContext;
  audit: ActionAudit;
  anonymous?: boolean;
}

/**
 * A form's state read as an audit outcome: an error state is a refusal. One that only sends the form back to fix
 * its fields (a name taken, a field the schema could not judge) is a typo, not a change refused, and is audited
 * only when the handler says what happened (a wrong current password is).
 */
function judge(state: ActionState, audit: ActionAudit) {
  if (state.status !== 'error') return { outcome: 'success' as const, message: state.message };
  const fields = Object.entries(state.fieldErrors ?? {}).map(([field, error]) => `${field}: ${error}`);
  if (fields.length > 0 && audit.summary === undefined && audit.entries === undefined) return null;
  return { outcome: 'failure' as const, message: fields.length ? fields.join('; ') : state.message };
}

/**
 * Without a session nobody has acted yet: a refusal (first-run setup already done) is audited only when the handler
 * says what happened, so anonymous posts cannot fill the Audit log. Sign-in audits its own attempts (lib/auth).
 */
function judgePublic(state: ActionState, audit: ActionAudit) {
  return state.status === 'error' && audit.summary === undefined ? null : judge(state, audit);
}

async function run<S extends z.ZodType>(
  { schema, declaration, actor, request, audit, anonymous }: Run<S>,
  formData: unknown,
  body: (input: z.output<S>, values: Record<string, string>) => Promise<ActionState>,
): Promise<ActionState> {
  // Forms post FormData; anything else was sent by hand to the action's endpoint.
  if (!(formData instanceof FormData))
    return { status: 'error', message: 'This form could not be read. Reload the page and try again.' };
  const values = formValues(formData);
  const unacceptable = unacceptableFields(values);
  if (Object.keys(unacceptable).length > 0) {
    return {
      status: 'error',
      message: 'Check the highlighted fields.',
      fieldErrors: unacceptable,
      values: echo(Object.fromEntries(Object.entries(values).filter(([k]) => !(k in unacceptable)))),
    };
  }
  // A form that does not parse never reached the change: it is answered at its fields, not audited.
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    return {
      status: 'error',
      message: 'Check the highlighted fields.',
      fieldErrors: fieldErrorsOf(parsed.error),
      values: echo(values),
    };
  }
  const ran = await runAudited(
    { declaration, input: parsed.data, actor, request, audit, judge: anonymous ? judgePublic : judge },
    () => body(parsed.data, values),
  );
  if (ran.threw) return { status: 'error', message: somethingWentWrong(ran.correlationId), values: echo(values) };
  const state = ran.result;
  return state.status === 'error' ? { ...state, values: state.values ?? echo(values) } : state;
}

/**
 * A form action for a signed-in administrator: authenticate, parse with the form's schema, run, and write the
 * declared audit entry (success, refusal or unexpected failure) with what the handler put in `ctx.audit`.
 */
export function adminAction<S extends z.ZodType>(
  schema: S,
  declaration: AuditDeclaration<z.output<S>>,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const admin = await getCurrentAdmin();
    if (!admin) return { status: 'error', message: 'Your session has ended. Sign in again.' };
    const request = await requestContext();
    const audit: ActionAudit = {};
    const actor = { id: admin.id, email: admin.email };
    return run({ schema, declaration, actor, request, audit }, formData, (input) =>
      handler(input, { admin, request, audit }),
    );
  };
}

/** A form action that needs no session (login, first-run setup); the handler names the actor once there is one. */
export function publicAction<S extends z.ZodType>(
  schema: S,
  declaration: AuditDeclaration<z.output<S>>,
  handler: (input: z.output<S>, ctx: PublicActionContext) => Promise<ActionState>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const request = await requestContext();
    const audit: ActionAudit = {};
    return run({ schema, declaration, actor: null, request, audit, anonymous: true }, formData, (input, values) =>
      handler(input, { request, values, audit }),
    );
  };
}
