import 'server-only';
import { db } from '@/lib/db/prisma';
import { describeOAuthError, type MicrosoftError } from './describe-microsoft-error';
import { sha256 } from './pkce';

export interface AdminConsentParams {
  state: string | null;
  /** `admin_consent`: Microsoft sets it to True on every answer of the admin consent flow, failures included. */
  adminConsent: string | null;
  /** `tenant`: the directory that granted, as a GUID. */
  tenant: string | null;
  error: string | null;
  errorDescription: string | null;
  browserBinding: string | null;
}

interface ConsentFacts {
  tenantId: string;
  tenantName: string;
  administratorId: string | null;
}

export type AdminConsentOutcome =
  | ({ ok: true; directoryId: string | null } & ConsentFacts)
  | { ok: false; kind: 'invalid-state'; reason: string }
  | ({ ok: false; kind: 'microsoft'; error: MicrosoftError } & ConsentFacts)
  | ({ ok: false; kind: 'other-directory'; directoryId: string } & ConsentFacts);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(reason: string): AdminConsentOutcome {
  return { ok: false, kind: 'invalid-state', reason };
}

/**
 * Handles an admin consent answer on the redirect page, or returns null when the answer is not one (then it is a
 * sign-in answer): its state is one of ours, or Microsoft marked it `admin_consent`. The state is checked before
 * anything else, and claimed in one conditional update, so two tabs completing the same answer record it once.
 */
export async function completeAdminConsent(params: AdminConsentParams): Promise<AdminConsentOutcome | null> {
  const marked = params.adminConsent !== null;
  const request = params.state
    ? await db().adminConsentRequest.findUnique({
        where: { stateHash: sha256(params.state) },
        include: { tenant: { select: { name: true, directoryId: true } } },
      })
    : null;
  if (!request) {
    if (!marked) return null;
    return invalid(
      params.state
        ? 'This admin consent answer was not started by this console.'
        : 'The answer from Microsoft carries no state, so it cannot be matched to a Grant admin consent started here.',
    );
  }
  const again = 'This admin consent answer was already used. Click Grant admin consent again.';
  if (request.consumedAt) return invalid(again);
  const now = new Date();
  if (request.expiresAt.getTime() <= now.getTime())
    return invalid('This admin consent took longer than 10 minutes and has expired. Click Grant admin consent again.');
  if (!params.browserBinding || sha256(params.browserBinding) !== request.browserBindingHash)
    return invalid(
      'This admin consent was started in another browser. Finish it in the browser where you clicked Grant admin consent.',
    );
  const { count } = await db().adminConsentRequest.updateMany({
    where: { id: request.id, consumedAt: null, expiresAt: { gt: now } },
    data: { consumedAt: now },
  });
  if (count !== 1) return invalid(again);

  const facts: ConsentFacts = {
    tenantId: request.tenantId,
    tenantName: request.tenant.name,
    administratorId: request.administratorId,
  };
  if (params.error)
    return { ok: false, kind: 'microsoft', error: describeOAuthError(params.error, params.errorDescription), ...facts };
  if (params.adminConsent?.toLowerCase() !== 'true')
    return invalid('The answer from Microsoft says neither that consent was granted nor why not.');
  // Microsoft names the granting directory by GUID; a tenant saved by GUID must be that directory (a tenant saved by
  // domain cannot be compared here).
  const answered = params.tenant ?? '';
  const expected = request.tenant.directoryId;
  if (GUID.test(expected) && answered.toLowerCase() !== expected.toLowerCase())
    return { ok: false, kind: 'other-directory', directoryId: answered, ...facts };
  await db().tenant.update({ where: { id: request.tenantId }, data: { adminConsentGrantedAt: now } });
  return { ok: true, directoryId: GUID.test(answered) ? answered : null, ...facts };
}
