import { describe, expect, it } from 'vitest';
import { smtpSecurity } from './smtp-security';

describe('smtpSecurity: the Use SSL table', () => {
  it('ticked: TLS from the first byte on 465 (or with the advanced option), STARTTLS required elsewhere', () => {
    expect(smtpSecurity(465, true, false)).toEqual({ ok: true, mode: 'implicit' });
    expect(smtpSecurity(587, true, false)).toEqual({ ok: true, mode: 'starttls' });
    expect(smtpSecurity(25, true, false)).toEqual({ ok: true, mode: 'starttls' });
    expect(smtpSecurity(2465, true, true)).toEqual({ ok: true, mode: 'implicit' });
  });

  it('not ticked: 465 is explained; elsewhere STARTTLS when offered', () => {
    expect(smtpSecurity(465, false, false)).toMatchObject({
      ok: false,
      field: 'useSsl',
      message: expect.stringMatching(/tick Use SSL/),
    });
    expect(smtpSecurity(587, false, false)).toEqual({ ok: true, mode: 'opportunistic' });
    expect(smtpSecurity(2465, false, true)).toMatchObject({ ok: false, field: 'implicitTls' });
  });
});
