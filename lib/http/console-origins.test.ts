import { describe, expect, it } from 'vitest';
import { consoleOrigins, requestOrigin } from './console-origins';

describe('consoleOrigins', () => {
  it('is the public URL and the Host with the scheme the request came in on', () => {
    const headers = new Headers({ host: 'sb.example.com', 'x-forwarded-proto': 'https' });
    expect(consoleOrigins(headers, 'https://switchboard.contoso.com/')).toEqual([
      'https://switchboard.contoso.com',
      'https://sb.example.com',
    ]);
    expect(requestOrigin(new Headers({ host: '127.0.0.1:3000', 'x-forwarded-proto': 'http' }))).toBe(
      'http://127.0.0.1:3000',
    );
  });
  it('takes nothing it cannot parse', () => {
    expect(requestOrigin(new Headers({ host: 'sb.example.com', 'x-forwarded-proto': 'javascript' }))).toBeNull();
    expect(consoleOrigins(new Headers(), 'not a url')).toEqual([]);
  });
});
