// GET /wm/externalAuth/redirect.html - where Microsoft sends the browser back after Setup Authentication
import { cookies } from 'next/headers';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { db } from '@/lib/db/prisma';
import { BROWSER_BINDING_COOKIE } from '@/lib/entra/browser-binding';
import { completeAuthorization } from '@/lib/entra/complete-authorization';
import { renderAuthResultPage } from '@/lib/entra/render-auth-result-page';
import { requestContext } from '@/lib/http/client-address';
import { NONCE_HEADER, contentSecurityPolicy } from '@/lib/http/content-security-policy';
import { newNonce } from '@/lib/http/new-nonce';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const outcome = await completeAuthorization({
    state: query.get('state'),
    code: query.get('code'),
    error: query.get('error'),
    errorDescription: query.get('error_description'),
    browserBinding: (await cookies()).get(BROWSER_BINDING_COOKIE)?.value ?? null,
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
  // The proxy's nonce for this request (its Content-Security-Policy names it); the policy is repeated here so the
  // page's own script and style run, and nothing else does, whichever header a browser sees.
  const nonce = request.headers.get(NONCE_HEADER) ?? newNonce();
  const { status, html } = renderAuthResultPage(outcome, { connectionUrl, nonce });
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
