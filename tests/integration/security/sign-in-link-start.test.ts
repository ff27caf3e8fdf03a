// Finding 7 of issue 11: the sign-in link's start button redirected to http://0.0.0.0:PORT/… (built from
// request.url, which names the listening socket), a dead address for a mailbox user outside the server.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/wm/externalAuth/sign-in/[token]/start/route';
import { resetEnvForTests } from '@/lib/env';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';

// The request as the browser sent it: to the console's name, arriving on a socket bound to 0.0.0.0.
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'sb.contoso.com:3000', 'x-forwarded-proto': 'http' }),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));

describe('the sign-in link start redirects to the public address', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await useFreshDatabase('sqlite');
  });
  afterAll(async () => database.cleanup());
  afterEach(() => {
    delete process.env.SWITCHBOARD_PUBLIC_URL;
    resetEnvForTests();
  });

  const start = () =>
    POST(new Request('http://0.0.0.0:3000/wm/externalAuth/sign-in/no-such-link/start', { method: 'POST' }), {
      params: Promise.resolve({ token: 'no-such-link' }),
    });

  it('uses the address the person used, not the listening socket', async () => {
    const response = await start();
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('http://sb.contoso.com:3000/wm/externalAuth/sign-in/no-such-link');
  });

  it('uses SWITCHBOARD_PUBLIC_URL when it is set', async () => {
    process.env.SWITCHBOARD_PUBLIC_URL = 'https://switchboard.contoso.com';
    resetEnvForTests();
    expect((await start()).headers.get('location')).toBe(
      'https://switchboard.contoso.com/wm/externalAuth/sign-in/no-such-link',
    );
  });
});
