// Paths that answer without an administrator's session. Everything else needs one.
// The public API authenticates with its own API keys, in its handlers, never with the console's cookie.
export const PUBLIC_PATH_PREFIXES = ['/login', '/setup', '/api/health', '/wm/externalAuth/', '/api/v1/'];

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATH_PREFIXES.some((prefix) =>
    prefix.endsWith('/') ? pathname.startsWith(prefix) : pathname === prefix || pathname.startsWith(prefix + '/'),
  );
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request check for state-changing requests: the browser's Origin must be this console. Cookies are
 * SameSite=Lax as well; this also covers same-site attackers (another app on a sibling subdomain).
 */
export function isCrossSiteWrite(method: string, headers: Headers, allowedHosts: string[]): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get('origin');
  if (origin) {
    try {
      return !allowedHosts.includes(new URL(origin).host);
    } catch {
      return true;
    }
  }
  // No Origin: browsers always send one on cross-origin writes, so this is a same-origin or non-browser client.
  const site = headers.get('sec-fetch-site');
  return site !== null && site !== 'same-origin' && site !== 'none';
}
