import 'server-only';
import { encryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { certificateMaterial } from '@/lib/tenants/certificate-material';
import { RELAY_SETTINGS_ID } from './relay-settings-id';

export type SetRelayCertificate =
  { ok: true; thumbprintSha256: string; expiresAt: Date } | { ok: false; fieldErrors: Record<string, string> };

/**
 * The STARTTLS certificate an administrator uploads (PEM certificate and its unencrypted private key), checked to
 * belong together and not expired; the key is stored encrypted. Listeners pick it up within seconds.
 */
export async function setRelayCertificate(certificatePem: string, privateKeyPem: string): Promise<SetRelayCertificate> {
  const material = certificateMaterial(certificatePem, privateKeyPem);
  if (!material.ok)
    return {
      ok: false,
      fieldErrors: /private key/i.test(material.message)
        ? { privateKeyPem: material.message }
        : { certificatePem: material.message },
    };
  const data = {
    certificatePem: material.certificatePem,
    certificateKey: encryptSecret(material.privateKeyPem, 'RelaySettings.certificateKey'),
    certificateGenerated: false,
  };
  await db().relaySettings.upsert({
    where: { id: RELAY_SETTINGS_ID },
    create: { id: RELAY_SETTINGS_ID, ...data },
    update: data,
  });
  return { ok: true, thumbprintSha256: material.thumbprintSha256, expiresAt: material.expiresAt };
}
