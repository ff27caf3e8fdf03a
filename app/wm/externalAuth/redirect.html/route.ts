// GET /wm/externalAuth/redirect.html - where Microsoft sends the browser back after Setup Authentication
import { cookies } from 'next/headers';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/prisma';
import { BROWSER_BINDING_COOKIE } from '@/lib/entra/browser-binding';
import { type AdminConsentOutcome, completeAdminConsent } from '@/lib/entra/complete-admin-consent';
import { completeAuthorization } from '@/lib/entra/complete-authorization';
import { getRedirectUri } from '@/lib/connections/get-redirect-uri';
import { renderAdminConsentResultPage } from '@/lib/entra/render-admin-consent-result-page';
import { renderAuthResultPage } from '@/lib/entra/render-auth-result-page';
import { requestContext } from '@/lib/http/client-address';
import { NONCE_HEADER, contentSecurityPolicy } from '@/lib/http/content-security-policy';
import { newNonce } from '@/lib/http/new-nonce';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const browserBinding = (await cookies()).get(BROWSER_BINDING_COOKIE)?.value ?? null;
  // The proxy's nonce for this request (its Content-Security-Policy names it); the policy is repeated here so the
  // page's own script and style run, and nothing else does, whichever header a browser sees.
  const nonce = request.headers.get(NONCE_HEADER) ?? newNonce();

  // Grant admin consent comes back to the same Redirect URI with its own state: told apart by that state (or by
  // Microsoft's admin_consent marker), it never reaches the sign-in's handling.
  const consent = await completeAdminConsent({
    state: query.get('state'),
    adminConsent: query.get('admin_consent'),
    tenant: query.get('tenant'),
    error: query.get('error'),
    errorDescription: query.get('error_description'),
    browserBinding,
  });
  if (consent) return answerAdminConsent(consent, nonce);

  const outcome = await completeAuthorization({
    state: query.get('state'),
    code: query.get('code'),
    error: query.get('error'),
    errorDescription: query.get('error_description'),
    browserBinding,
  });

  const context = await requestContext();
  if (outcome.ok || outcome.kind === 'microsoft') {
    const viaLink = Boolean(outcome.signInLinkId);
    const admin = outcome.administratorId
      ? await db().administrator.findUnique({ where: { id: outcome.administratorId }, select: { email: true } })
      : null;
    await recordAuditEvent({
      actor: viaLink
        ? { id: null, email: outcome.ok ? `${outcome.accountUsername} (sign-in link)` : 'mailbox user (sign-in link)' }
        : { id: outcome.administratorId, email: admin?.email ?? null },
      action: 'connection.authenticate',
      outcome: outcome.ok ? 'success' : 'failure',
      target: { type: 'connection', id: outcome.connectionId },
      summary: outcome.ok
        ? `Connection '${outcome.connectionName}' authenticated as ${outcome.accountUsername}${viaLink ? ' through a sign-in link' : ''}`
        : `Setup Authentication for '${outcome.connectionName}' failed: ${outcome.error.code ?? outcome.error.error}`,
      ...context,
    });
  } else {
    await recordAuditEvent({
      actor: null,
      action: 'connection.authenticate',
      outcome: 'failure',
      summary: `Refused a sign-in answer: ${outcome.reason}`,
      ...context,
    });
  }

  const connectionUrl =
    (outcome.ok || outcome.kind === 'microsoft') && !outcome.signInLinkId
      ? `/integration/service-connections/connections/${outcome.connectionId}`
      : null;
  return htmlResponse(renderAuthResultPage(outcome, { connectionUrl, nonce }), nonce);
}

function htmlResponse({ status, html }: { status: number; html: string }, nonce: string): Response {
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'content-security-policy': contentSecurityPolicy(nonce),
    },
  });
}

async function answerAdminConsent(outcome: AdminConsentOutcome, nonce: string): Promise<Response> {
  const context = await requestContext();
  if (outcome.ok || outcome.kind !== 'invalid-state') {
    const admin = outcome.administratorId
      ? await db().administrator.findUnique({ where: { id: outcome.administratorId }, select: { email: true } })
      : null;
    await recordAuditEvent({
      actor: { id: outcome.administratorId, email: admin?.email ?? null },
      action: 'tenant.admin_consent',
      outcome: outcome.ok ? 'success' : 'failure',
      target: { type: 'tenant', id: outcome.tenantId },
      summary: outcome.ok
        ? `Admin consent granted for tenant '${outcome.tenantName}'`
        : outcome.kind === 'microsoft'
          ? `Admin consent for tenant '${outcome.tenantName}' not granted: ${outcome.error.code ?? outcome.error.error}`
          : `Admin consent for tenant '${outcome.tenantName}' came from another directory (${outcome.directoryId})`,
      ...context,
    });
  } else {
    await recordAuditEvent({
      actor: null,
      action: 'tenant.admin_consent',
      outcome: 'failure',
      summary: `Refused an admin consent answer: ${outcome.reason}`,
      ...context,
    });
  }
  const tenantUrl =
    outcome.ok || outcome.kind !== 'invalid-state'
      ? `/integration/service-connections/tenants/${outcome.tenantId}`
      : null;
  const redirectUri = (await getRedirectUri()).uri;
  return htmlResponse(renderAdminConsentResultPage(outcome, { tenantUrl, nonce, redirectUri }), nonce);
}
