// The pages a person sees at the sandbox's /authorize: sign-in, consent, the error page Entra shows instead of
// redirecting, and the form_post hand-back. Plain HTML with stable labels, so Playwright can drive them.

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const STYLE = `
  body { font-family: "Segoe UI", system-ui, sans-serif; background: #f2f2f2; margin: 0; }
  main { background: #fff; max-width: 440px; margin: 48px auto; padding: 44px; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
  h1 { font-size: 24px; font-weight: 600; margin: 0 0 16px; }
  label { display: block; margin: 16px 0 4px; }
  input[type=email], input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: 6px 0; border: 0; border-bottom: 1px solid #666; font-size: 15px; }
  .buttons { display: flex; justify-content: flex-end; gap: 8px; margin-top: 24px; }
  button { min-width: 108px; padding: 6px 12px; font-size: 15px; border: 1px solid #888; background: #ccc; cursor: pointer; }
  button.primary { background: #0067b8; color: #fff; border-color: #0067b8; }
  [role=alert] { color: #e81123; margin: 12px 0; }
  .details { font-size: 13px; color: #555; margin-top: 24px; word-break: break-all; }
  .sandbox { font-size: 12px; color: #666; margin-top: 32px; }`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
${body}
<p class="sandbox">Switchboard sandbox of the Microsoft identity platform. Nothing here reaches Microsoft.</p>
</main></body>
</html>`;
}

export interface SignInPageInput {
  action: string;
  flowId: string;
  appName: string;
  tenantName: string;
  loginHint?: string;
  error?: { message: string; code: string };
}

export function signInPage(input: SignInPageInput): string {
  const alert = input.error
    ? `<div role="alert" id="usernameError">${escapeHtml(input.error.message)}<br><small>${escapeHtml(input.error.code)}</small></div>`
    : '';
  return page(
    'Sign in to your account',
    `<h1>Sign in</h1>
<p>to continue to <strong>${escapeHtml(input.appName)}</strong> (${escapeHtml(input.tenantName)})</p>
${alert}
<form method="post" action="${escapeHtml(input.action)}" novalidate>
  <input type="hidden" name="flow" value="${escapeHtml(input.flowId)}">
  <label for="i0116">Email, phone, or Skype</label>
  <input id="i0116" name="login" type="email" autocomplete="username" value="${escapeHtml(input.loginHint ?? '')}" required>
  <label for="i0118">Password</label>
  <input id="i0118" name="passwd" type="password" autocomplete="current-password" required>
  <div class="buttons"><button type="submit" id="idSIButton9" class="primary">Sign in</button></div>
</form>`,
  );
}

export interface ConsentPageInput {
  action: string;
  flowId: string;
  appName: string;
  userName: string;
  permissions: string[];
}

export function consentPage(input: ConsentPageInput): string {
  const items = input.permissions.map((p) => `  <li>${escapeHtml(p)}</li>`).join('\n');
  return page(
    'Permissions requested',
    `<p>${escapeHtml(input.userName)}</p>
<h1>Permissions requested</h1>
<p><strong>${escapeHtml(input.appName)}</strong> <span>unverified</span></p>
<p id="permissions-heading">This app would like to:</p>
<ul aria-labelledby="permissions-heading">
${items}
</ul>
<p>Accepting these permissions means that you allow this app to use your data as specified in their terms of service and privacy statement.</p>
<form method="post" action="${escapeHtml(input.action)}">
  <input type="hidden" name="flow" value="${escapeHtml(input.flowId)}">
  <div class="buttons">
    <button type="submit" name="decision" value="cancel" id="idBtn_Back">Cancel</button>
    <button type="submit" name="decision" value="accept" id="idSIButton9" class="primary">Accept</button>
  </div>
</form>`,
  );
}

export interface ErrorPageInput {
  message: string;
  requestId: string;
  correlationId: string;
  timestamp: string;
  appName?: string;
}

export function errorPage(input: ErrorPageInput): string {
  return page(
    'Sign in to your account',
    `<h1>Sign in</h1>
<p>Sorry, but we’re having trouble signing you in.</p>
<p role="alert" id="error-message">${escapeHtml(input.message)}</p>
<dl class="details">
  ${input.appName ? `<dt>App name</dt><dd>${escapeHtml(input.appName)}</dd>` : ''}
  <dt>Request Id</dt><dd>${escapeHtml(input.requestId)}</dd>
  <dt>Correlation Id</dt><dd>${escapeHtml(input.correlationId)}</dd>
  <dt>Timestamp</dt><dd>${escapeHtml(input.timestamp)}</dd>
  <dt>Message</dt><dd>${escapeHtml(input.message)}</dd>
</dl>`,
  );
}

/** response_mode=form_post: the browser posts the answer to the redirect URI. */
export function formPostPage(redirectUri: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Working...</title></head>
<body onload="document.forms[0].submit()"><form method="post" action="${escapeHtml(redirectUri)}">${inputs}
<noscript><p>Script is disabled. Click Submit to continue.</p><button type="submit">Submit</button></noscript></form></body></html>`;
}
