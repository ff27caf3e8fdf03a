// What the sign-in link's "Sign in with Microsoft" form gets back: a page that moves on to Microsoft by itself
// (meta refresh, no script), with a link as a fallback. A 303 straight to Microsoft would be blocked by the
// console's `form-action 'self'`: Chromium applies form-action to where a form's answer redirects, too.

function escapeAttribute(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

export function renderSignInContinuePage(authorizeUrl: string): string {
  const url = escapeAttribute(authorizeUrl);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="0;url=${url}"><title>Continuing to Microsoft · Switchboard</title></head>
<body><main><p>Continuing to Microsoft’s sign-in… <a href="${url}">Continue</a></p></main></body></html>`;
}
