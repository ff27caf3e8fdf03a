// POST /wm/externalAuth/sign-in/{token}/start - a mailbox user with a sign-in link starts Microsoft's sign-in
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { getRedirectUri } from '@/lib/connections/get-redirect-uri';
import { ensureBrowserBinding } from '@/lib/entra/browser-binding';
import { renderSignInContinuePage } from '@/lib/entra/render-sign-in-continue-page';
import { findUsableSignInLink } from '@/lib/entra/sign-in-links';
import { startAuthorization } from '@/lib/entra/start-authorization';
import { requestContext } from '@/lib/http/client-address';

export const dynamic = 'force-dynamic';

export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await findUsableSignInLink(token);
  // The public address (SWITCHBOARD_PUBLIC_URL or the trusted forwarded origin), never request.url: behind
  // HOSTNAME=0.0.0.0 that names the listening socket, a dead address for the mailbox user.
  const redirectUri = (await getRedirectUri()).uri;
  const back = new URL(`/wm/externalAuth/sign-in/${encodeURIComponent(token)}`, redirectUri);
  if (!found.ok) return Response.redirect(back, 303);
  const { link } = found;
  const { url } = await startAuthorization({
    connectionId: link.connectionId,
    redirectUri,
    browserBinding: await ensureBrowserBinding(),
    signInLinkId: link.id,
  });
  await recordAuditEvent({
    actor: { id: null, email: 'mailbox user (sign-in link)' },
    action: 'connection.sign_in_link.open',
    target: { type: 'connection', id: link.connectionId },
    summary: `Sign-in link for '${link.connection.name}' opened; sent to Microsoft's sign-in`,
    ...(await requestContext()),
  });
  // A page that moves on, not a 303: form-action 'self' would block a form's redirect to Microsoft.
  return new Response(renderSignInContinuePage(url), {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}
