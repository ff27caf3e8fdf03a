import { describe, expect, it } from 'vitest';
import { parseConnectionListParams } from './list-params';
import { redirectUriFor } from './redirect-uri';

describe('redirectUriFor', () => {
  it('appends the redirect path and says what Entra ID will make of the scheme', () => {
    expect(redirectUriFor('https://switchboard.contoso.com/')).toEqual({
      uri: 'https://switchboard.contoso.com/wm/externalAuth/redirect.html',
      note: 'https',
    });
    expect(redirectUriFor('http://localhost:3000')).toEqual({
      uri: 'http://localhost:3000/wm/externalAuth/redirect.html',
      note: 'loopback-http',
    });
    expect(redirectUriFor('http://127.0.0.1:3000').note).toBe('loopback-http');
    expect(redirectUriFor('http://switchboard.lan').note).toBe('insecure');
  });
});

describe('parseConnectionListParams', () => {
  it('reads the list state from the URL, falling back to safe defaults', () => {
    expect(parseConnectionListParams({})).toEqual({ page: 1, query: undefined, sort: 'name', direction: 'asc' });
    expect(parseConnectionListParams({ sort: 'updated' })).toMatchObject({ sort: 'updated', direction: 'desc' });
    expect(parseConnectionListParams({ sort: 'password', dir: 'sideways', page: '-3', q: '  contoso  ' })).toEqual({
      page: 1,
      query: 'contoso',
      sort: 'name',
      direction: 'asc',
    });
    expect(parseConnectionListParams({ page: ['4', '5'], dir: 'desc', sort: 'tenant' })).toEqual({
      page: 4,
      query: undefined,
      sort: 'tenant',
      direction: 'desc',
    });
  });
});
