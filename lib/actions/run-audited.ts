import 'server-only';
import crypto from 'node:crypto';
import { isRedirectError } from 'next/dist/client/components/redirect-error';
import { unstable_rethrow } from 'next/navigation';
import { type AuditActor, recordAuditEvent } from '@/lib/audit/record-audit-event';
import type { RequestContext } from '@/lib/http/client-address';
import { logger } from '@/lib/log/logger';

export type AuditOutcome = 'success' | 'failure';

/**
 * The audit event an action declares once, next to its schema: its name (or how the input and the outcome choose
 * between two names, e.g. enable/disable) and the kind of record it acts on. `null` declares an action that changes
 * nothing an administrator would look for (a read, or sign-in, which lib/auth audits itself).
 */
export type AuditDeclaration<I> = {
  action: string | ((input: I, outcome: AuditOutcome) => string);
  target: string;
} | null;

/** What one audit entry says beyond the declaration: filled in by the handler while it runs. */
export interface AuditNote {
  /** The id of the record acted on; set it as soon as it is known, so that a failure names it too. */
  target?: string | null;
  /** In words, for the Audit log; never a secret. */
  summary?: string;
  details?: Record<string, unknown>;
  /** Only where the answer's own status is not the outcome (a test that ran and failed answers with its result). */
  outcome?: AuditOutcome;
}

/** The handler's part of the audit entry (`ctx.audit`). The wrapper writes it after the handler, once. */
export interface ActionAudit extends AuditNote {
  /** An action on several records (the Outbox's bulk buttons) writes these, one per record, instead of one entry. */
  entries?: AuditNote[];
  /** Public actions only: who acted, once the handler knows (first-run setup creates them). */
  actor?: AuditActor;
}

export type AuditedRun<R> = { threw: false; result: R } | { threw: true; correlationId: string };

export interface RunAuditedOptions<I, R> {
  declaration: AuditDeclaration<I>;
  input: I;
  actor: AuditActor | null;
  request: RequestContext;
  audit: ActionAudit;
  /**
   * How the handler's answer reads: a success, or a failure (a refusal) with its message for a person; `null` for an
   * answer that is not audited (a form sent back to fix its fields, like one that did not parse).
   */
  judge: (result: R, audit: ActionAudit) => { outcome: AuditOutcome; message?: string } | null;
}

type Written<I> = Pick<RunAuditedOptions<I, unknown>, 'declaration' | 'input' | 'actor' | 'request' | 'audit'>;

async function write<I>(
  { declaration, input, actor, request, audit }: Written<I>,
  outcome: AuditOutcome,
  fallbackSummary: string,
): Promise<void> {
  if (!declaration) return;
  for (const note of audit.entries ?? [audit]) {
    const noteOutcome = note.outcome ?? audit.outcome ?? outcome;
    await recordAuditEvent({
      actor: audit.actor ?? actor,
      action: typeof declaration.action === 'string' ? declaration.action : declaration.action(input, noteOutcome),
      target: { type: declaration.target, id: note.target ?? audit.target ?? null },
      summary: note.summary ?? fallbackSummary,
      details: note.details,
      outcome: noteOutcome,
      ...request,
    });
  }
}

/**
 * Runs an action's handler and writes its declared audit entry afterwards (Formbricks' `withAuditLogging`): success
 * or failure as the answer says, and a thrown failure as a failure with its correlation id — never the error's text,
 * which may carry anything. A redirect (Save & Close) is the handler succeeding; Next's other signals (a 404) pass
 * through unaudited.
 */
export async function runAudited<I, R>(
  options: RunAuditedOptions<I, R>,
  handler: () => Promise<R>,
): Promise<AuditedRun<R>> {
  let result: R;
  try {
    result = await handler();
  } catch (error) {
    if (isRedirectError(error)) {
      await write(options, 'success', 'Done');
      throw error;
    }
    unstable_rethrow(error);
    const correlationId = crypto.randomUUID().slice(0, 8);
    logger.error('action.failed', { correlationId, error: (error as Error).message, stack: (error as Error).stack });
    // Whatever the note said about a change about to succeed, the entry says what happened instead.
    const summary = `Failed unexpectedly (id ${correlationId}); nothing was changed`;
    const audit: ActionAudit = {
      actor: options.audit.actor,
      target: options.audit.target,
      summary,
      details: { correlationId },
      outcome: 'failure',
    };
    await write({ ...options, audit }, 'failure', summary);
    return { threw: true, correlationId };
  }
  const judged = options.judge(result, options.audit);
  if (judged)
    await write(
      options,
      judged.outcome,
      judged.outcome === 'failure' ? `Refused: ${judged.message ?? 'no reason given'}` : (judged.message ?? 'Done'),
    );
  return { threw: false, result };
}
