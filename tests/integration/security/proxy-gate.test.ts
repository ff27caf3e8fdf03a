// Findings 7 and 11 of issue 11, at the proxy (the first gate every request passes): the Origin check compares the
// scheme too, encoded `/api/v1/..%2f..%2f…` paths do not skip it, and the login redirect is built from the public
// address, never from the listening socket (HOSTNAME=0.0.0.0).
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

const SOCKET = 'http://0.0.0.0:3000';

function post(path: string, headers: Record<string, string>) {
  return proxy(
    new NextRequest(`${SOCKET}${path}`, {
      method: 'POST',
      headers: { host: 'sb.contoso.com', 'x-forwarded-proto': 'https', 'next-action': 'abc', ...headers },
    }),
  );
}

describe('the proxy gate', () => {
  afterEach(() => {
    delete process.env.SWITCHBOARD_PUBLIC_URL;
  });

  it('refuses a write whose Origin is this host over another scheme', async () => {
    expect(post('/administrators', { origin: 'http://sb.contoso.com', cookie: 'sb_session=x' }).status).toBe(403);
    expect(post('/administrators', { origin: 'https://sb.contoso.com', cookie: 'sb_session=x' }).status).toBe(200);
  });

  it('refuses cross-site writes to encoded paths that resolve out of /api/v1', async () => {
    for (const path of [
      '/api/v1/..%2f..%2fadministrators',
      '/api/v1/%2e%2e/%2e%2e/settings/api-keys',
      '/api/v1/..%5c..%5caudit-log',
      '/api/v1/%252e%252e%252fadministrators',
    ]) {
      const response = post(path, { origin: 'https://attacker.example', cookie: 'sb_session=stolen-by-lax' });
      expect(response.status, path).toBe(403);
    }
    // The API itself is exempt: it authenticates with keys, never the console's cookie.
    expect(post('/api/v1/messages', { origin: 'https://attacker.example' }).status).toBe(200);
  });

  it('sends a visitor without a session to /login on the address they used, or on SWITCHBOARD_PUBLIC_URL', async () => {
    const visit = () =>
      proxy(
        new NextRequest(`${SOCKET}/outbox`, { headers: { host: 'sb.contoso.com:3000', 'x-forwarded-proto': 'http' } }),
      );
    expect(visit().headers.get('location')).toBe('http://sb.contoso.com:3000/login?next=%2Foutbox');
    process.env.SWITCHBOARD_PUBLIC_URL = 'https://switchboard.contoso.com';
    expect(visit().headers.get('location')).toBe('https://switchboard.contoso.com/login?next=%2Foutbox');
  });
});
