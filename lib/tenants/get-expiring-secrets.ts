import 'server-only';
import { db } from '@/lib/db/prisma';
import { secretExpiry, WARN_DAYS } from './secret-expiry';

/** Tenants whose client secret has expired or expires within the warning window, soonest first. */
export async function getExpiringSecrets(now: Date = new Date()) {
  const horizon = new Date(now.getTime() + (WARN_DAYS + 1) * 86_400_000);
  const tenants = await db().tenant.findMany({
    where: { clientSecretExpiresAt: { not: null, lte: horizon } },
    orderBy: { clientSecretExpiresAt: 'asc' },
    take: 20,
    select: { id: true, name: true, clientSecretExpiresAt: true },
  });
  return tenants
    .map((t) => ({ id: t.id, name: t.name, expiry: secretExpiry(t.clientSecretExpiresAt, now) }))
    .filter((t) => t.expiry.message !== null);
}
