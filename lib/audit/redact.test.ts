import { describe, expect, it } from 'vitest';
import { redact } from './redact';

describe('redact', () => {
  it('hides values whose key names a secret, at any depth', () => {
    expect(
      redact({
        name: 'Contoso',
        clientSecret: 'abc',
        nested: { password: 'p', list: [{ refreshToken: 't', ok: 1 }] },
        emptyToken: null,
      }),
    ).toEqual({
      name: 'Contoso',
      clientSecret: '[redacted]',
      nested: { password: '[redacted]', list: [{ refreshToken: '[redacted]', ok: 1 }] },
      emptyToken: null,
    });
  });
});
