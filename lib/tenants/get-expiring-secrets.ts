import 'server-only';
import { db } from '@/lib/db/prisma';
import { NOTICE_DAYS, needsRenewal, tenantCredentialExpiry } from './secret-expiry';

/** Tenants whose credential in use (client secret or certificate) has expired or expires within 60 days, soonest first. */
export async function getExpiringSecrets(now: Date = new Date()) {
  const horizon = new Date(now.getTime() + (NOTICE_DAYS + 1) * 86_400_000);
  const tenants = await db().tenant.findMany({
    where: {
      OR: [
        { credentialType: { not: 'certificate' }, clientSecretExpiresAt: { not: null, lte: horizon } },
        { credentialType: 'certificate', certificateExpiresAt: { not: null, lte: horizon } },
      ],
    },
    take: 40,
    select: { id: true, name: true, credentialType: true, clientSecretExpiresAt: true, certificateExpiresAt: true },
  });
  return tenants
    .map((t) => ({ id: t.id, name: t.name, expiry: tenantCredentialExpiry(t, now) }))
    .filter((t) => needsRenewal(t.expiry))
    .sort((a, b) => (a.expiry.days ?? 0) - (b.expiry.days ?? 0))
    .slice(0, 20);
}
