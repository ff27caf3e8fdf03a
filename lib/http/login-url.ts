import { safeReturnPath } from './safe-return-path';

// Universal (the proxy runs it too). The sign-in page's address, remembering a safe page to come back to.

/** Set by the proxy on console requests: the path and query the browser asked for. */
export const RETURN_PATH_HEADER = 'x-switchboard-return-path';

export function loginUrlFor(returnPath: string | null | undefined): string {
  const next = safeReturnPath(returnPath);
  return next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';
}
