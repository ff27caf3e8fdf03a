import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './safe-return-path';

describe('safeReturnPath', () => {
  it('keeps a console path with its query', () => {
    expect(safeReturnPath('/outbox?filter=failed')).toBe('/outbox?filter=failed');
    expect(safeReturnPath('/integration/service-connections/connections/abc')).toBe(
      '/integration/service-connections/connections/abc',
    );
    expect(safeReturnPath('/')).toBe('/');
  });

  it.each([
    '//evil.example',
    '//evil.example/path',
    'https://evil.example',
    'http://evil',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'javascript:alert(1)',
    'evil.example',
    ' /outbox',
    '',
  ])('refuses %j', (raw) => {
    expect(safeReturnPath(raw)).toBeNull();
  });

  it('keeps an encoded slash encoded, so the browser stays on this origin', () => {
    const result = safeReturnPath('/%2F%2Fevil.example');
    expect(result).toBe('/%2F%2Fevil.example');
    expect(new URL(result ?? '', 'https://console.example').origin).toBe('https://console.example');
  });

  it('does not return to the sign-in pages or the API', () => {
    expect(safeReturnPath('/login')).toBeNull();
    expect(safeReturnPath('/login?next=/outbox')).toBeNull();
    expect(safeReturnPath('/setup')).toBeNull();
    expect(safeReturnPath('/api/v1/messages')).toBeNull();
  });

  it('refuses what is not a string or is too long', () => {
    expect(safeReturnPath(undefined)).toBeNull();
    expect(safeReturnPath(['/outbox'])).toBeNull();
    expect(safeReturnPath(`/${'a'.repeat(2001)}`)).toBeNull();
  });
});
