import { describe, expect, it } from 'vitest';
import { checkTokenHost } from './check-token-host';
import { storedPasswordRule } from './stored-password-rule';

describe('a stored credential goes only where it was stored for', () => {
  const input = { connectionName: 'Exchange', savedHost: '', confirmedHost: '' };

  it('sends a global connection’s token only to Microsoft’s SMTP hosts', () => {
    for (const host of ['smtp.office365.com', 'outlook.office365.com', 'smtp-hve.office365.com']) {
      expect(checkTokenHost({ ...input, cloud: 'global', host })).toEqual({ ok: true, confirmationNeeded: false });
    }
    expect(
      checkTokenHost({
        ...input,
        cloud: 'global',
        host: 'smtp.attacker.example',
        confirmedHost: 'smtp.attacker.example',
      }),
    ).toMatchObject({ ok: false, field: 'smtpServer' });
  });

  it('lets a national cloud use another of its documented SMTP hosts (an editable default), and no other host', () => {
    const allowed = { ok: true, confirmationNeeded: false };
    expect(checkTokenHost({ ...input, cloud: 'usgov', host: 'smtp.office365.us' })).toEqual(allowed);
    expect(checkTokenHost({ ...input, cloud: 'usgov', host: 'outlook.office365.us' })).toEqual(allowed);
    expect(checkTokenHost({ ...input, cloud: 'usgov-dod', host: 'smtp.office365.us' })).toEqual(allowed);
    expect(checkTokenHost({ ...input, cloud: 'usgov-dod', host: 'OUTLOOK-DOD.office365.us' })).toEqual(allowed);
    expect(checkTokenHost({ ...input, cloud: 'china', host: 'partner.outlook.cn' })).toEqual(allowed);
    // Another cloud's host, or one the administrator confirms, is still refused at the field.
    for (const [cloud, host] of [
      ['usgov-dod', 'smtp.office365.com'],
      ['china', 'smtp.office365.us'],
      ['usgov', 'smtp.attacker.example'],
    ] as const)
      expect(checkTokenHost({ ...input, cloud, host, confirmedHost: host })).toMatchObject({
        ok: false,
        field: 'smtpServer',
      });
    expect(checkTokenHost({ ...input, cloud: 'usgov-dod', host: 'mail.example' })).toMatchObject({
      message: expect.stringMatching(
        /only sent to smtp\.office365\.us, outlook-dod\.office365\.us\. Use one of them \(e\.g\. smtp\.office365\.us:587\)/,
      ),
    });
  });

  it('sends a Custom cloud’s token to the saved host, and to a changed host only once confirmed', () => {
    expect(checkTokenHost({ ...input, cloud: 'custom', host: '127.0.0.1', savedHost: '127.0.0.1' })).toEqual({
      ok: true,
      confirmationNeeded: false,
    });
    expect(checkTokenHost({ ...input, cloud: 'custom', host: 'mail.example', savedHost: '127.0.0.1' })).toMatchObject({
      ok: false,
      field: 'confirmSmtpHost',
    });
    expect(
      checkTokenHost({
        ...input,
        cloud: 'custom',
        host: 'mail.example',
        savedHost: '127.0.0.1',
        confirmedHost: 'other.example',
      }),
    ).toMatchObject({ ok: false });
    expect(
      checkTokenHost({
        ...input,
        cloud: 'custom',
        host: 'mail.example',
        savedHost: '127.0.0.1',
        confirmedHost: 'mail.example',
      }),
    ).toEqual({ ok: true, confirmationNeeded: true });
  });

  it('asks for the Basic password again when the SMTP host or port changed', () => {
    const saved = { password: 'ciphertext', smtpServer: 'mail.contoso.com:587' };
    expect(storedPasswordRule(saved, 'mail.contoso.com:587')).toEqual({ ok: true });
    expect(storedPasswordRule(saved, 'mail.contoso.com:25')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Enter the password again/),
    });
    expect(storedPasswordRule(saved, 'evil.example:587')).toMatchObject({ ok: false });
    expect(storedPasswordRule(null, 'mail.contoso.com:587')).toEqual({ ok: false, message: 'Enter the password' });
  });
});
