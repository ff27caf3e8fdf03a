import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite, isPublicPath } from './public-paths';

describe('isPublicPath', () => {
  it('allows exactly the public pages', () => {
    expect(isPublicPath('/login')).toBe(true);
    expect(isPublicPath('/setup')).toBe(true);
    expect(isPublicPath('/api/health')).toBe(true);
    expect(isPublicPath('/wm/externalAuth/redirect.html')).toBe(true);
    expect(isPublicPath('/loginx')).toBe(false);
    expect(isPublicPath('/api/healthz')).toBe(false);
    expect(isPublicPath('/wm/externalAuth')).toBe(false);
    expect(isPublicPath('/administrators')).toBe(false);
  });
});

describe('isCrossSiteWrite', () => {
  const hosts = ['sb.example.com'];
  it('lets reads through', () => expect(isCrossSiteWrite('GET', new Headers({ origin: 'https://evil.example' }), hosts)).toBe(false));
  it('refuses a write from another origin', () => expect(isCrossSiteWrite('POST', new Headers({ origin: 'https://evil.example' }), hosts)).toBe(true));
  it('accepts a write from this origin', () => expect(isCrossSiteWrite('POST', new Headers({ origin: 'https://sb.example.com' }), hosts)).toBe(false));
  it('refuses an opaque origin', () => expect(isCrossSiteWrite('POST', new Headers({ origin: 'null' }), hosts)).toBe(true));
  it('refuses a cross-site fetch without Origin', () => expect(isCrossSiteWrite('POST', new Headers({ 'sec-fetch-site': 'cross-site' }), hosts)).toBe(true));
});
