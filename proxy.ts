import { type NextRequest, NextResponse } from 'next/server';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie-name';
import { consoleOrigins, requestOrigin } from '@/lib/http/console-origins';
import { FORM_BODY_LIMIT_BYTES } from '@/lib/http/form-body-limit';
import { loginUrlFor, RETURN_PATH_HEADER } from '@/lib/http/login-url';
import { canonicalPath, isCrossSiteWrite, isPublicApiPath, isPublicPath } from '@/lib/http/public-paths';
import { NONCE_HEADER, contentSecurityPolicy } from '@/lib/http/content-security-policy';
import { newNonce } from '@/lib/http/new-nonce';
import { securityHeaders } from '@/lib/http/security-headers';

// The first gate: refuse cross-site writes, and send requests without a session cookie to the login page. The
// session itself is checked against the database by every page, action and handler. Every answer carries the
// Content-Security-Policy with a nonce new for this request (lib/http/content-security-policy.ts).

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const response = gate(request, nonce);
  for (const [name, value] of Object.entries(
    securityHeaders(nonce, process.env.SWITCHBOARD_PUBLIC_URL, process.env.NODE_ENV === 'development'),
  )) {
    response.headers.set(name, value);
  }
  return response;
}

/** Passes the request on with its nonce, where Next.js (and route handlers that render HTML) read it. */
function forward(request: NextRequest, nonce: string, extra: Record<string, string> = {}): NextResponse {
  const headers = new Headers(request.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  headers.set(NONCE_HEADER, nonce);
  headers.set(
    'content-security-policy',
    contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development' }),
  );
  return NextResponse.next({ request: { headers } });
}

function gate(request: NextRequest, nonce: string): NextResponse {
  const { pathname } = request.nextUrl;
  const publicUrl = process.env.SWITCHBOARD_PUBLIC_URL?.trim() || undefined;
  // Decided on the path as sent and as resolved: `/api/v1/..%2f..%2fadministrators` is not the public API.
  if (
    !isPublicApiPath(pathname) &&
    isCrossSiteWrite(
      request.method,
      request.headers,
      consoleOrigins(request.headers, publicUrl, request.nextUrl.protocol),
    )
  ) {
    return NextResponse.json({ error: 'Cross-site request refused' }, { status: 403 });
  }
  if (!isPublicApiPath(pathname) && Number(request.headers.get('content-length') ?? 0) > FORM_BODY_LIMIT_BYTES) {
    return NextResponse.json(
      { error: 'too_large', message: 'The form is larger than 2 MB. Shorten what was typed or pasted and try again.' },
      { status: 413 },
    );
  }
  if (isPublicPath(pathname)) return forward(request, nonce);
  // Pages that find the session ended send the browser to sign in and back here: they learn "here" from this.
  if (request.cookies.has(SESSION_COOKIE))
    return forward(request, nonce, { [RETURN_PATH_HEADER]: `${pathname}${request.nextUrl.search}` });
  if (pathname.startsWith('/api/') || canonicalPath(pathname).startsWith('/api/')) {
    return NextResponse.json({ error: 'Sign in required' }, { status: 401 });
  }
  // Never request.url: behind HOSTNAME=0.0.0.0 it names the listening address, not the one people use.
  const base = publicUrl ?? requestOrigin(request.headers, request.nextUrl.protocol) ?? request.nextUrl.origin;
  // Back to the page asked for after signing in (GET only: a form post cannot be replayed by a link).
  return NextResponse.redirect(
    new URL(loginUrlFor(request.method === 'GET' ? `${pathname}${request.nextUrl.search}` : null), base),
  );
}

// The public API is left out so that its request bodies (up to 48 MB of JSON) stream to the route, which enforces
// its own limit, instead of being copied and cut at the proxy's 10 MB buffer. Only plain paths are left out: one with
// `%`, `.` or `\` still comes through here and is judged as it resolves.
export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/v1/[A-Za-z0-9_/-]*$).*)'],
};
