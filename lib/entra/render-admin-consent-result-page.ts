import type { AdminConsentOutcome } from './complete-admin-consent';

// The redirect page's answer to Grant admin consent: granted, declined (Entra's error with its meaning and fix), or
// refused here (state). A full page, not a popup: it links back to the tenant. Everything shown is escaped; the one
// style carries the response's CSP nonce.

function escape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function page(nonce: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Switchboard</title>
<style nonce="${escape(nonce)}">body{font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;background:#f8fafc;color:#0f172a;margin:0;padding:2rem 1rem}
main{max-width:40rem;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:.5rem;padding:1.5rem}
h1{font-size:1.25rem;margin:0 0 1rem}code{background:#f1f5f9;padding:.1rem .3rem;border-radius:.25rem;word-break:break-all}
.ok{color:#166534}.bad{color:#991b1b}dt{font-weight:600;margin-top:.75rem}dd{margin:.25rem 0 0}</style></head>
<body><main>${body}</main></body></html>`;
}

// On the admin consent flow the fix is this flow's own, whatever Setup Authentication's explanation says.
const FIXES: Record<string, string> = {
  AADSTS65004: 'Click Grant admin consent again and choose Accept on Microsoft’s permissions page.',
  AADSTS90094:
    'Sign in to Microsoft’s page as a Global Administrator or Privileged Role Administrator of the tenant (application permissions need one of them), or send them this tenant’s Grant admin consent.',
  AADSTS90093:
    'Sign in to Microsoft’s page as a Global Administrator or Privileged Role Administrator of the tenant, or ask one to grant admin consent.',
};

export function renderAdminConsentResultPage(
  outcome: AdminConsentOutcome,
  options: { tenantUrl: string | null; nonce: string; redirectUri?: string },
): { status: number; html: string } {
  const back = options.tenantUrl
    ? `<p><a href="${escape(options.tenantUrl)}">Back to the tenant</a></p>`
    : '<p>You can close this window.</p>';
  if (outcome.ok) {
    return {
      status: 200,
      html: page(
        options.nonce,
        'Admin consent granted',
        `<h1 class="ok">Admin consent granted</h1>
<p>An administrator granted the app registration of <strong>${escape(outcome.tenantName)}</strong> its permissions for the whole organisation${outcome.directoryId ? ` (directory <code>${escape(outcome.directoryId)}</code>)` : ''}. Mailbox users are no longer asked to consent, and application permissions are in the next application token.</p>${back}`,
      ),
    };
  }
  if (outcome.kind === 'invalid-state') {
    return {
      status: 400,
      html: page(
        options.nonce,
        'Admin consent not accepted',
        `<h1 class="bad">Admin consent answer not accepted</h1><p>${escape(outcome.reason)}</p><p>No tenant was changed.</p>`,
      ),
    };
  }
  if (outcome.kind === 'other-directory') {
    return {
      status: 400,
      html: page(
        options.nonce,
        'Admin consent in another directory',
        `<h1 class="bad">Admin consent was granted in another directory</h1>
<p>Microsoft answered for directory <code>${escape(outcome.directoryId)}</code>, not the Tenant ID of <strong>${escape(outcome.tenantName)}</strong>. Sign in as an administrator of the tenant's own directory and click Grant admin consent again.</p>${back}`,
      ),
    };
  }
  const { error } = outcome;
  const declined = error.code === 'AADSTS65004' || error.error === 'access_denied';
  const fix = (error.code && FIXES[error.code]) ?? error.explanation?.fix ?? 'Read Microsoft’s message below.';
  const redirectHint =
    error.code === 'AADSTS50011' && options.redirectUri
      ? `<dt>Redirect URI to register</dt><dd><code>${escape(options.redirectUri)}</code></dd>`
      : '';
  return {
    status: 400,
    html: page(
      options.nonce,
      'Admin consent not granted',
      `<h1 class="bad">Admin consent ${declined ? 'declined' : 'not granted'}${error.code ? `: ${escape(error.code)}` : ''}</h1>
<dl>
<dt>What it means</dt><dd>${escape(error.explanation?.meaning ?? 'Microsoft did not grant admin consent.')}</dd>
<dt>How to fix it</dt><dd>${escape(fix)}</dd>${redirectHint}
<dt>Microsoft said</dt><dd><code>${escape(error.description || error.error)}</code></dd>
</dl>
<p>Tenant: <strong>${escape(outcome.tenantName)}</strong>. Nothing was granted.</p>${back}`,
    ),
  };
}
