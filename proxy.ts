import { type NextRequest, NextResponse } from 'next/server';
import { SESSION_COOKIE } from '@/lib/auth/session-cookie-name';
import { isCrossSiteWrite, isPublicPath } from '@/lib/http/public-paths';

// The first gate: refuse cross-site writes, and send requests without a session cookie to the login page. The
// session itself is checked against the database by every page, action and handler.

function allowedHosts(request: NextRequest): string[] {
  const hosts = [request.headers.get('x-forwarded-host'), request.headers.get('host')].filter((h): h is string => Boolean(h));
  const publicUrl = process.env.SWITCHBOARD_PUBLIC_URL;
  if (publicUrl) {
    try {
      hosts.push(new URL(publicUrl).host);
    } catch {
      // lib/env reports a malformed SWITCHBOARD_PUBLIC_URL at start.
    }
  }
  return hosts;
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const publicApi = pathname.startsWith('/api/v1/');
  if (!publicApi && isCrossSiteWrite(request.method, request.headers, allowedHosts(request))) {
    return NextResponse.json({ error: 'Cross-site request refused' }, { status: 403 });
  }
  if (isPublicPath(pathname) || request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  if (pathname.startsWith('/api/')) {
    return NextResponse.json({ error: 'Sign in required' }, { status: 401 });
  }
  const login = new URL('/login', request.url);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
