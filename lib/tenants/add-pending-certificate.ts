import 'server-only';
import { db } from '@/lib/db/prisma';
import type { UploadCertificateInput } from './certificate-schemas';
import { generateCertificate } from './generate-certificate';
import { readCertificateUpload } from './read-certificate-upload';
import { setPendingCredential, type SetPendingCredentialResult } from './set-pending-credential';

export type PendingCertificateSource =
  { kind: 'generate'; validityDays: number } | { kind: 'upload'; input: Omit<UploadCertificateInput, 'id'> };

/**
 * Rotate credential with a certificate: generated here (self-signed RSA 2048, like Generate certificate) or uploaded
 * (PEM with its key, or PFX), checked the same way, and stored as the pending credential.
 */
export async function addPendingCertificate(
  tenantId: string,
  source: PendingCertificateSource,
): Promise<SetPendingCredentialResult> {
  if (source.kind === 'generate') {
    const tenant = await db().tenant.findUnique({ where: { id: tenantId }, select: { name: true } });
    if (!tenant) return { ok: false, message: 'The tenant no longer exists.' };
    const material = generateCertificate(`Switchboard ${tenant.name}`, source.validityDays);
    return setPendingCredential(tenantId, { kind: 'certificate', material });
  }
  const { input } = source;
  const material = readCertificateUpload(
    input.format === 'pem'
      ? { kind: 'pem', text: input.keyFile }
      : { kind: 'pfx', bytes: Buffer.from(input.keyFile, 'base64'), password: input.pfxPassword },
  );
  if (!material.ok) return material;
  return setPendingCredential(tenantId, { kind: 'certificate', material });
}
