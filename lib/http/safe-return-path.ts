// Where to go after signing in: only a path on this console. Universal (the login page, its action and the proxy).
// Anything that a browser could read as another origin is refused: `//evil.example` and `/\evil.example` are
// protocol-relative, `https://evil`, `javascript:` and the like are absolute, and tabs or newlines inside a path
// are dropped by URL parsers, turning `/\t/evil.example` into `//evil.example`.

const BASE = 'http://switchboard.invalid';
const NOT_AFTER_SIGN_IN = ['/login', '/setup', '/api/', '/wm/', '/_next/'];

export function safeReturnPath(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return null;
  if (!raw.startsWith('/') || raw.startsWith('//')) return null;
  // Backslashes and control characters: browsers treat `\` as `/` and strip tabs and newlines.
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE || url.pathname.startsWith('//')) return null;
  if (NOT_AFTER_SIGN_IN.some((p) => url.pathname === p || url.pathname.startsWith(p.endsWith('/') ? p : `${p}/`)))
    return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
