// The console's Content-Security-Policy. Universal: proxy.ts and the route handlers that render their own HTML use it.
//
// Scripts run only from this origin or with this response's nonce: Next.js reads the nonce from the
// Content-Security-Policy request header that proxy.ts sets, and puts it on its own scripts and inline styles
// (every page is dynamically rendered: app/layout.tsx). No 'strict-dynamic': the framework's chunks are
// same-origin files, so 'self' allows them and nothing else is ever loaded.

/** The request header proxy.ts passes the nonce on in (route handlers read it). */
export const NONCE_HEADER = 'x-nonce';

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
