import { describe, expect, it } from 'vitest';
import { canonicalPath, isCrossSiteWrite, isPublicApiPath, isPublicPath } from './public-paths';

describe('isPublicPath', () => {
  it('allows exactly the public pages', () => {
    expect(isPublicPath('/login')).toBe(true);
    expect(isPublicPath('/setup')).toBe(true);
    expect(isPublicPath('/api/health')).toBe(true);
    expect(isPublicPath('/wm/externalAuth/redirect.html')).toBe(true);
    expect(isPublicPath('/metrics')).toBe(true);
    expect(isPublicPath('/metricsx')).toBe(false);
    expect(isPublicPath('/loginx')).toBe(false);
    expect(isPublicPath('/api/healthz')).toBe(false);
    expect(isPublicPath('/wm/externalAuth')).toBe(false);
    expect(isPublicPath('/administrators')).toBe(false);
  });

  it('does not let an encoded path climb out of a public prefix', () => {
    for (const path of [
      '/api/v1/..%2f..%2fadministrators',
      '/wm/externalAuth/..%2f..%2fadministrators',
      '/login/..%2fadministrators',
      '/api/v1/%2e%2e/%2e%2e/audit-log',
      '/wm/externalAuth/..%5c..%5coutbox',
      '/api/v1/%252e%252e%252f%252e%252e%252fsettings',
    ]) {
      expect(isPublicPath(path), path).toBe(false);
      expect(isPublicApiPath(path), path).toBe(false);
    }
    expect(canonicalPath('/api/v1/..%2f..%2fadministrators')).toBe('/administrators');
    expect(isPublicApiPath('/api/v1/messages')).toBe(true);
    expect(isPublicApiPath('/api/v1/messages/cm4abc123')).toBe(true);
    expect(isPublicPath('/wm/externalAuth/sign-in/abc_DEF-123/start')).toBe(true);
  });
});

describe('isCrossSiteWrite', () => {
  const hosts = ['https://sb.example.com'];
  it('lets reads through', () =>
    expect(isCrossSiteWrite('GET', new Headers({ origin: 'https://evil.example' }), hosts)).toBe(false));
  it('refuses a write from another origin', () =>
    expect(isCrossSiteWrite('POST', new Headers({ origin: 'https://evil.example' }), hosts)).toBe(true));
  it('accepts a write from this origin', () =>
    expect(isCrossSiteWrite('POST', new Headers({ origin: 'https://sb.example.com' }), hosts)).toBe(false));
  it('refuses an opaque origin', () =>
    expect(isCrossSiteWrite('POST', new Headers({ origin: 'null' }), hosts)).toBe(true));
  it('refuses the same host over another scheme or port', () => {
    expect(isCrossSiteWrite('POST', new Headers({ origin: 'http://sb.example.com' }), hosts)).toBe(true);
    expect(isCrossSiteWrite('POST', new Headers({ origin: 'https://sb.example.com:8443' }), hosts)).toBe(true);
  });
  it('refuses a cross-site fetch without Origin', () =>
    expect(isCrossSiteWrite('POST', new Headers({ 'sec-fetch-site': 'cross-site' }), hosts)).toBe(true));
});
