// The origins (scheme://host:port) this console is reached at: SWITCHBOARD_PUBLIC_URL, and the request's own
// Host with the scheme it came in on. server.ts replaces X-Forwarded-Proto and drops X-Forwarded-Host unless
// SWITCHBOARD_TRUST_PROXY is set, so both are either the socket's truth or the trusted proxy's word.
// No `server-only`: proxy.ts runs this outside React's server bundle.

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

export function requestOrigin(headers: Headers, fallbackProtocol = 'http'): string | null {
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || fallbackProtocol.replace(/:$/, '');
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  if (!host || (proto !== 'http' && proto !== 'https')) return null;
  return originOf(`${proto}://${host}`);
}

/** Every origin a form post from this console may carry. */
export function consoleOrigins(headers: Headers, publicUrl: string | undefined, fallbackProtocol?: string): string[] {
  const origins = [publicUrl ? originOf(publicUrl) : null, requestOrigin(headers, fallbackProtocol)];
  const host = headers.get('host');
  const proto =
    headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || fallbackProtocol?.replace(/:$/, '') || 'http';
  if (host) origins.push(originOf(`${proto}://${host}`));
  return [...new Set(origins.filter((o): o is string => o !== null))];
}
