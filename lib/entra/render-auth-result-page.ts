import type { AuthorizationOutcome } from './complete-authorization';

// The page Microsoft's redirect lands on: a plain HTML document (it may open in a popup, a full window, or the
// browser of a mailbox user without a console account). Everything shown is escaped. Its one style and one script
// carry the response's CSP nonce (lib/http/content-security-policy.ts): no other inline code can run on it.

function escape(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function page(nonce: string, title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Switchboard</title>
<style nonce="${escape(nonce)}">body{font-family:ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;background:#f8fafc;color:#0f172a;margin:0;padding:2rem 1rem}
main{max-width:40rem;margin:0 auto;background:#fff;border:1px solid #e2e8f0;border-radius:.5rem;padding:1.5rem}
h1{font-size:1.25rem;margin:0 0 1rem}code,pre{background:#f1f5f9;padding:.1rem .3rem;border-radius:.25rem;word-break:break-all;white-space:pre-wrap}
.ok{color:#166534}.bad{color:#991b1b}dt{font-weight:600;margin-top:.75rem}dd{margin:.25rem 0 0}</style></head>
<body><main>${body}</main>${script ? `<script nonce="${escape(nonce)}">${script}</script>` : ''}</body></html>`;
}

export interface RenderOptions {
  /** Where an administrator goes back to when the page is not in a popup. */
  connectionUrl: string | null;
  /** The nonce of the response's Content-Security-Policy. */
  nonce: string;
}

export function renderAuthResultPage(
  outcome: AuthorizationOutcome,
  options: RenderOptions,
): { status: number; html: string } {
  if (!outcome.ok && outcome.kind === 'invalid-state') {
    return {
      status: 400,
      html: page(
        options.nonce,
        'Sign-in not accepted',
        `<h1 class="bad">Sign-in not accepted</h1><p>${escape(outcome.reason)}</p><p>No connection was changed.</p>`,
      ),
    };
  }
  const message = JSON.stringify({
    type: 'switchboard:setup-authentication',
    connectionId: outcome.connectionId,
    ok: outcome.ok,
  });
  const back = options.connectionUrl ? JSON.stringify(options.connectionUrl) : 'null';
  if (outcome.ok) {
    const missing = outcome.missingScopes.length
      ? `<p class="bad">Microsoft did not grant: <code>${escape(outcome.missingScopes.join(' '))}</code>. Ask an administrator to grant consent for these permissions.</p>`
      : '';
    const body = `<h1 class="ok">Authenticated as ${escape(outcome.accountUsername)}</h1>
<p>The connection <strong>${escape(outcome.connectionName)}</strong> can now act for this account.</p>
<p>Granted: <code>${escape(outcome.grantedScopes.join(' '))}</code></p>${missing}
<p id="next">You can close this window.</p>`;
    const script = `(function(){var m=${message};if(window.opener&&!window.opener.closed){try{window.opener.postMessage(m,window.location.origin)}catch(e){}window.close();return}var back=${back};if(back){window.location.replace(back)}})();`;
    return { status: 200, html: page(options.nonce, 'Authenticated', body, script) };
  }
  const { error } = outcome;
  const explanation = error.explanation;
  const redirectHint =
    error.code === 'AADSTS50011'
      ? `<dt>Redirect URI to register</dt><dd><code>${escape(outcome.redirectUri)}</code></dd>`
      : '';
  const body = `<h1 class="bad">Sign-in failed${error.code ? `: ${escape(error.code)}` : ''}</h1>
<dl>
<dt>What it means</dt><dd>${escape(explanation?.meaning ?? 'Microsoft refused the sign-in.')}</dd>
<dt>How to fix it</dt><dd>${escape(explanation?.fix ?? "Read Microsoft's message below, then run Setup Authentication again.")}</dd>${redirectHint}
<dt>Microsoft said</dt><dd><code>${escape(error.description || error.error)}</code></dd>
</dl>
<p>Connection: <strong>${escape(outcome.connectionName)}</strong>. Its stored sign-in, if any, was kept.</p>`;
  const script = `(function(){if(window.opener&&!window.opener.closed){try{window.opener.postMessage(${message},window.location.origin)}catch(e){}}})();`;
  return { status: 400, html: page(options.nonce, 'Sign-in failed', body, script) };
}
