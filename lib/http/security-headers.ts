// The console's response headers against script injection and downgrade, set per request by proxy.ts (and by the
// route handlers that render their own HTML). Universal: the proxy runs it, and so do route handlers.
//
// Scripts run only from this origin or with this response's nonce: Next.js reads the nonce from the
// Content-Security-Policy request header that proxy.ts sets, and puts it on its own scripts and inline styles
// (every page is dynamically rendered: app/layout.tsx). No 'strict-dynamic': the framework's chunks are
// same-origin files, so 'self' allows them and nothing else is ever loaded.

export const NONCE_HEADER = 'x-nonce';

/** 128 random bits, base64: unguessable and new for every response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, options: { development?: boolean } = {}): string {
  // React's development build evaluates code for its error overlay; production never does.
  const evalInDev = options.development ? " 'unsafe-eval'" : '';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${evalInDev}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // Forms post only here. A form whose answer redirects to Microsoft counts as posting there (Chromium checks the
    // redirect too), so the sign-in link's start answers with a page that moves on by itself instead.
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The headers every response of the console carries. HSTS only when the public address is https. */
export function securityHeaders(nonce: string, publicUrl: string | undefined, development = false): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Security-Policy': contentSecurityPolicy(nonce, { development }) };
  if (publicUrl?.toLowerCase().startsWith('https://')) headers['Strict-Transport-Security'] = 'max-age=31536000';
  return headers;
}
