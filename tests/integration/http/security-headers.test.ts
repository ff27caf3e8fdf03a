import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

// Issue 11, finding 9, through the proxy itself: the policy and its nonce on every answer (pages passed on, the
// login redirect, refusals), the nonce handed to Next.js on the request, and HSTS exactly when the public URL is
// https.

const original = process.env.SWITCHBOARD_PUBLIC_URL;
afterEach(() => {
  if (original === undefined) delete process.env.SWITCHBOARD_PUBLIC_URL;
  else process.env.SWITCHBOARD_PUBLIC_URL = original;
});

const call = (path: string, init?: ConstructorParameters<typeof NextRequest>[1]) =>
  proxy(new NextRequest(`http://localhost:3000${path}`, init));

describe('proxy security headers', () => {
  it('gives every answer a nonce policy, and passes the same nonce on to the page', () => {
    delete process.env.SWITCHBOARD_PUBLIC_URL;
    const page = call('/login');
    const policy = page.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(policy).toContain(`script-src 'self' 'nonce-${nonce}'`);
    // Next.js reads the nonce from the request's policy; NextResponse.next() carries overridden request headers.
    expect(page.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    expect(page.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    for (const answer of [
      call('/administrators'),
      call('/api/v1/../administrators'),
      call('/audit-log', { method: 'POST', headers: { origin: 'https://evil.example' } }),
    ]) {
      expect(answer.headers.get('content-security-policy')).toMatch(
        /script-src 'self' 'nonce-[^']+'; .*frame-ancestors 'none'/,
      );
    }
    expect(call('/login').headers.get('content-security-policy')).not.toBe(policy);
    expect(page.headers.get('strict-transport-security')).toBeNull();
  });

  it('ignores a nonce or policy the client sent', () => {
    const page = call('/login', { headers: { 'x-nonce': 'attacker', 'content-security-policy': 'script-src *' } });
    expect(page.headers.get('x-middleware-request-x-nonce')).not.toBe('attacker');
    expect(page.headers.get('x-middleware-request-content-security-policy')).not.toContain('script-src *');
  });

  it('sends HSTS when the public URL is https', () => {
    process.env.SWITCHBOARD_PUBLIC_URL = 'https://switchboard.contoso.test';
    expect(call('/login').headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(call('/administrators').headers.get('strict-transport-security')).toBe('max-age=31536000');
    process.env.SWITCHBOARD_PUBLIC_URL = 'http://switchboard.contoso.test';
    expect(call('/login').headers.get('strict-transport-security')).toBeNull();
  });
});
