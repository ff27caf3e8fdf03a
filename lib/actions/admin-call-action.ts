import 'server-only';
import { notFound } from 'next/navigation';
import type { z } from 'zod';
import { getCurrentAdmin, requireAdmin } from '@/lib/auth/current-admin';
import { requestContext } from '@/lib/http/client-address';
import type { ActionContext } from './define-action';
import { type ActionAudit, type AuditDeclaration, type AuditOutcome, runAudited } from './run-audited';
import { somethingWentWrong } from './something-went-wrong';

export interface CallActionDeclaration<A extends unknown[], I, R> {
  /** The arguments as one tuple, e.g. `z.tuple([connectionIdSchema])`. */
  args: z.ZodType<I, A>;
  audit: AuditDeclaration<I>;
  /** The answer, in this action's own shape, to a failure that is not the handler's (a thrown error, a lost session). */
  failed: (message: string) => R;
  /**
   * Without a session: by default the browser goes to /login (a redirect answered to the component's call); `answer`
   * replies with `failed('Your session has ended…')` where the component shows it in place.
   */
  signedOut?: 'redirect' | 'answer';
  /** Arguments that are not the schema's: by default answered as an unknown page (404), as an odd URL would be. */
  invalid?: () => R;
}

/** An answer shaped `{ ok: false, message }` (or `summary`) is a refusal; anything else is the action succeeding. */
function judge(result: unknown): { outcome: AuditOutcome; message?: string } {
  if (!result || typeof result !== 'object' || !('ok' in result) || result.ok !== false) return { outcome: 'success' };
  const said = 'message' in result ? result.message : 'summary' in result ? result.summary : undefined;
  return { outcome: 'failure', message: typeof said === 'string' ? said : undefined };
}

/**
 * A server action a client component calls with plain arguments (Setup Authentication, Test, Disconnect…): the same
 * session check, declared audit and correlation id as a form action, answering in the action's own shape.
 */
export function adminCallAction<A extends unknown[], I, R>(
  declaration: CallActionDeclaration<A, I, R>,
  handler: (input: I, ctx: ActionContext) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args: A): Promise<R> => {
    const admin = declaration.signedOut === 'answer' ? await getCurrentAdmin() : await requireAdmin();
    if (!admin) return declaration.failed('Your session has ended. Sign in again.');
    const parsed = declaration.args.safeParse(args);
    if (!parsed.success) return declaration.invalid ? declaration.invalid() : notFound();
    const request = await requestContext();
    const audit: ActionAudit = {};
    const actor = { id: admin.id, email: admin.email };
    const ran = await runAudited(
      { declaration: declaration.audit, input: parsed.data, actor, request, audit, judge },
      () => handler(parsed.data, { admin, request, audit }),
    );
    return ran.threw ? declaration.failed(somethingWentWrong(ran.correlationId)) : ran.result;
  };
}
