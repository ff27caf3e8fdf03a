import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { checkNotifications } from '@/lib/notifications/check-notifications';
import { getExpiringSecrets } from '@/lib/tenants/get-expiring-secrets';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';

process.env.SWITCHBOARD_LOG_LEVEL ??= 'error';

// The expiry radar: the credential a tenant signs in with (client secret or certificate) is warned about 60, 30 and
// 7 days ahead and once expired, on the start page (getExpiringSecrets) and by one notification per step. The clock
// is passed in.

const DAY = 86_400_000;
const now = new Date('2026-12-05T12:00:00Z');
const inDays = (days: number) => new Date(now.getTime() + days * DAY);

describe('expiry radar for client secrets and certificates (SQLite)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await useFreshDatabase('sqlite');
    const tenant = (name: string, data: Record<string, unknown>) =>
      db().tenant.create({
        data: {
          name,
          directoryId: 'contoso.onmicrosoft.com',
          clientId: '00000000-0000-0000-0000-000000000001',
          ...data,
        },
      });
    await tenant('Secret in 45 days', { clientSecretExpiresAt: inDays(45) });
    await tenant('Secret in 90 days', { clientSecretExpiresAt: inDays(90) });
    await tenant('Certificate in 20 days', { credentialType: 'certificate', certificateExpiresAt: inDays(20) });
    // Signs in with a certificate that lasts; the old secret beside it expires, but nothing uses it.
    await tenant('Certificate in 300 days', {
      credentialType: 'certificate',
      certificateExpiresAt: inDays(300),
      clientSecretExpiresAt: inDays(5),
    });
  });
  afterAll(async () => database?.cleanup());

  it('the start page lists the credentials in use that expire within 60 days, soonest first', async () => {
    const expiring = await getExpiringSecrets(now);
    expect(expiring.map((t) => [t.name, t.expiry.level, t.expiry.message])).toEqual([
      ['Certificate in 20 days', 'soon', 'Certificate expires in 20 days'],
      ['Secret in 45 days', 'notice', 'Client secret expires in 45 days'],
    ]);
  });

  it('one notification per step, for the credential in use, and nothing more while the step stays', async () => {
    const first = await checkNotifications(now);
    expect(first.map((e) => e.event).sort()).toEqual(['tenant_certificate.expires_30d', 'tenant_secret.expires_60d']);
    expect(first.find((e) => e.event === 'tenant_certificate.expires_30d')?.text).toContain(
      'Certificates & secrets → Certificates',
    );
    expect(await checkNotifications(now)).toEqual([]);

    // Sixteen days on: the certificate is 4 days from expiry, the secret 29.
    const later = await checkNotifications(inDays(16));
    expect(later.map((e) => [e.event, e.subject]).sort()).toEqual([
      ['tenant_certificate.expires_7d', 'Certificate of “Certificate in 20 days” expires on 2026-12-25'],
      ['tenant_secret.expires_30d', 'Client secret of “Secret in 45 days” expires on 2027-01-19'],
    ]);
    expect((await checkNotifications(inDays(21))).map((e) => e.event)).toEqual(['tenant_certificate.expired']);
  });
});
