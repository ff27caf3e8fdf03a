import 'server-only';
import { X509Certificate } from 'node:crypto';
import { db } from '@/lib/db/prisma';

// The tenant's public certificate as a file to upload in the Azure portal (Certificates & secrets → Certificates
// accepts .cer, .pem and .crt): DER for .cer, the PEM text for .pem. Never the private key.

export type CertificateFileFormat = 'cer' | 'pem';

export interface CertificateFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/** `which`: the certificate in use, or the new one a Rotate credential added (to upload before switching to it). */
export async function tenantCertificateFile(
  tenantId: string,
  format: CertificateFileFormat,
  which: 'current' | 'pending' = 'current',
): Promise<CertificateFile | null> {
  const row = await db().tenant.findUnique({
    where: { id: tenantId },
    select: {
      name: true,
      certificatePem: true,
      certificateThumbprint: true,
      pendingCertificatePem: true,
      pendingCertificateThumbprint: true,
    },
  });
  const tenant =
    row && which === 'pending'
      ? {
          name: row.name,
          certificatePem: row.pendingCertificatePem,
          certificateThumbprint: row.pendingCertificateThumbprint,
        }
      : row;
  if (!tenant?.certificatePem) return null;
  const base = `${tenant.name.replace(/[^A-Za-z0-9._-]+/g, '-')}-${(tenant.certificateThumbprint ?? '').slice(0, 8)}`;
  if (format === 'pem') {
    return {
      filename: `${base}.pem`,
      contentType: 'application/x-pem-file',
      body: Buffer.from(tenant.certificatePem),
    };
  }
  return {
    filename: `${base}.cer`,
    contentType: 'application/pkix-cert',
    body: new X509Certificate(tenant.certificatePem).raw,
  };
}
