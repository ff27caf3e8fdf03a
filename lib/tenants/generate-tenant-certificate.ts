import 'server-only';
import { db } from '@/lib/db/prisma';
import { generateCertificate } from './generate-certificate';
import { setTenantCertificate, type SetTenantCertificateResult } from './set-tenant-certificate';

/** Generate certificate: a new self-signed RSA 2048 certificate named after the tenant becomes its credential. */
export async function generateTenantCertificate(
  tenantId: string,
  validityDays: number,
): Promise<SetTenantCertificateResult> {
  const tenant = await db().tenant.findUnique({ where: { id: tenantId }, select: { name: true } });
  if (!tenant) return { ok: false, message: 'The tenant no longer exists.' };
  return setTenantCertificate(tenantId, generateCertificate(`Switchboard ${tenant.name}`, validityDays));
}
