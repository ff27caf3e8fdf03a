import type { AppRecord } from '../store/directory';

// Entra compares redirect URIs exactly, except that the port of an http loopback URI (localhost, 127.0.0.1)
// is ignored, as RFC 8252 asks.

function loopbackWithoutPort(uri: string): string | undefined {
  if (!URL.canParse(uri)) return undefined;
  const url = new URL(uri);
  if (url.protocol !== 'http:' || !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return undefined;
  url.port = '';
  return url.toString();
}

export function isRegisteredRedirectUri(app: AppRecord, redirectUri: string): boolean {
  if (app.redirectUris.includes(redirectUri)) return true;
  const wanted = loopbackWithoutPort(redirectUri);
  return wanted !== undefined && app.redirectUris.some((registered) => loopbackWithoutPort(registered) === wanted);
}
