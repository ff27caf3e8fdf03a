import { describe, expect, it } from 'vitest';
import { expiryTone, needsRenewal, secretExpiry, tenantCredentialExpiry } from './secret-expiry';

const now = new Date('2026-11-21T15:30:00Z');
const on = (date: string) => new Date(`${date}T00:00:00Z`);

describe('secretExpiry', () => {
  it('notes 60 days ahead, warns 30 days ahead, urgently 7 days ahead, and once expired', () => {
    expect(secretExpiry(null, now)).toEqual({ level: 'none', days: null, message: null });
    expect(secretExpiry(on('2027-01-21'), now)).toMatchObject({ level: 'ok', days: 61, message: null });
    expect(secretExpiry(on('2027-01-20'), now)).toMatchObject({
      level: 'notice',
      days: 60,
      message: 'Client secret expires in 60 days',
    });
    expect(secretExpiry(on('2026-12-22'), now)).toMatchObject({ level: 'notice', days: 31 });
    expect(secretExpiry(on('2026-12-21'), now)).toMatchObject({
      level: 'soon',
      days: 30,
      message: 'Client secret expires in 30 days',
    });
    expect(secretExpiry(on('2026-11-29'), now)).toMatchObject({ level: 'soon', days: 8 });
    expect(secretExpiry(on('2026-11-28'), now)).toMatchObject({
      level: 'urgent',
      days: 7,
      message: 'Client secret expires in 7 days',
    });
    expect(secretExpiry(on('2026-11-22'), now)).toMatchObject({
      level: 'urgent',
      message: 'Client secret expires in 1 day',
    });
    expect(secretExpiry(on('2026-11-21'), now)).toMatchObject({
      level: 'urgent',
      days: 0,
      message: 'Client secret expires today',
    });
    expect(secretExpiry(on('2026-11-20'), now)).toMatchObject({
      level: 'expired',
      days: -1,
      message: 'Client secret expired on 2026-11-20',
    });
  });

  it('follows the credential the tenant signs in with, and names it', () => {
    const dates = { clientSecretExpiresAt: on('2026-11-25'), certificateExpiresAt: on('2027-03-01') };
    expect(tenantCredentialExpiry({ credentialType: 'secret', ...dates }, now)).toMatchObject({
      level: 'urgent',
      message: 'Client secret expires in 4 days',
    });
    // The certificate is in use: the stored secret, expiring or not, is not what signs in.
    const certificate = tenantCredentialExpiry({ credentialType: 'certificate', ...dates }, now);
    expect(certificate).toMatchObject({ level: 'ok', message: null });
    expect(needsRenewal(certificate)).toBe(false);
    const soon = tenantCredentialExpiry(
      { credentialType: 'certificate', clientSecretExpiresAt: null, certificateExpiresAt: on('2026-12-01') },
      now,
    );
    expect(soon).toMatchObject({ level: 'soon', message: 'Certificate expires in 10 days' });
    expect(needsRenewal(soon)).toBe(true);
    expect(
      [on('2027-01-01'), on('2026-12-01'), on('2026-11-25'), on('2026-11-01')].map((d) =>
        expiryTone(secretExpiry(d, now)),
      ),
    ).toEqual(['info', 'warning', 'danger', 'danger']);
  });
});
