// Paths that answer without an administrator's session. Everything else needs one.
// The public API authenticates with its own API keys, in its handlers, never with the console's cookie; /metrics
// with its own bearer token (SWITCHBOARD_METRICS_TOKEN).
export const PUBLIC_PATH_PREFIXES = ['/login', '/setup', '/api/health', '/wm/externalAuth/', '/api/v1/', '/metrics'];

/**
 * The path as a server that decodes and resolves it might see it: `%2f`, `%5c`, `%2e` and backslashes decoded,
 * dot segments resolved. `/api/v1/..%2f..%2fadministrators` becomes `/administrators`.
 */
export function canonicalPath(pathname: string): string {
  let decoded = pathname;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      break;
    }
    if (next === decoded) break;
    decoded = next;
  }
  return new URL(decoded.replace(/\\/g, '/'), 'http://canonical.invalid').pathname;
}

function matchesPublicPrefix(pathname: string): boolean {
  return PUBLIC_PATH_PREFIXES.some((prefix) =>
    prefix.endsWith('/') ? pathname.startsWith(prefix) : pathname === prefix || pathname.startsWith(prefix + '/'),
  );
}

/** Public only when the path is public both as sent and once decoded and resolved: encoded tricks stay private. */
export function isPublicPath(pathname: string): boolean {
  return matchesPublicPrefix(pathname) && matchesPublicPrefix(canonicalPath(pathname));
}

/** The API-key API, as sent and as resolved; it is exempt from the browser's Origin check (no cookies there). */
export function isPublicApiPath(pathname: string): boolean {
  return (
    pathname.startsWith('/api/v1/') &&
    canonicalPath(pathname).startsWith('/api/v1/') &&
    !/%|\\|\/\.\.?(\/|$)/.test(pathname)
  );
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request check for state-changing requests: the browser's Origin (scheme, host and port) must be one
 * of this console's origins. Cookies are SameSite=Lax as well; this also covers same-site attackers (another app on
 * a sibling subdomain, or the same host over plain http).
 */
export function isCrossSiteWrite(method: string, headers: Headers, allowedOrigins: string[]): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get('origin');
  if (origin) {
    try {
      return !allowedOrigins.includes(new URL(origin).origin);
    } catch {
      return true;
    }
  }
  // No Origin: browsers always send one on cross-origin writes, so this is a same-origin or non-browser client.
  const site = headers.get('sec-fetch-site');
  return site !== null && site !== 'same-origin' && site !== 'none';
}
