// The Redirect URI an administrator registers in Azure (App registration → Authentication → Web). Universal.

export const REDIRECT_PATH = '/wm/externalAuth/redirect.html';

export interface RedirectUri {
  uri: string;
  /** `loopback-http`: fine (Entra accepts http:// only for localhost); `insecure`: Entra will refuse it. */
  note: 'https' | 'loopback-http' | 'insecure';
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function redirectUriFor(origin: string): RedirectUri {
  const base = origin.replace(/\/+$/, '');
  const uri = `${base}${REDIRECT_PATH}`;
  const url = new URL(uri);
  if (url.protocol === 'https:') return { uri, note: 'https' };
  return { uri, note: LOOPBACK.has(url.hostname) ? 'loopback-http' : 'insecure' };
}
