import 'server-only';
import type { UploadCertificateInput } from './certificate-schemas';
import { readCertificateUpload } from './read-certificate-upload';
import { setTenantCertificate, type SetTenantCertificateResult } from './set-tenant-certificate';

/** An existing certificate with its private key (PEM, or PFX with its password) becomes the tenant's credential. */
export async function uploadTenantCertificate(input: UploadCertificateInput): Promise<SetTenantCertificateResult> {
  const material = readCertificateUpload(
    input.format === 'pem'
      ? { kind: 'pem', text: input.keyFile }
      : { kind: 'pfx', bytes: Buffer.from(input.keyFile, 'base64'), password: input.pfxPassword },
  );
  if (!material.ok) return material;
  return setTenantCertificate(input.id, material);
}
