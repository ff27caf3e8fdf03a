import 'server-only';
import os from 'node:os';
import { decryptSecret, encryptSecret } from '@/lib/crypto/secrets';
import { isUniqueViolation } from '@/lib/db/errors';
import { db } from '@/lib/db/prisma';
import { generateCertificate } from '@/lib/tenants/generate-certificate';
import { RELAY_SETTINGS_ID } from './relay-settings-id';

export interface RelayTls {
  cert: string;
  key: string;
}

const KEY_CONTEXT = 'RelaySettings.certificateKey';

/**
 * The STARTTLS certificate: the uploaded one, or one generated at the first start and stored (key encrypted), so
 * every instance and every restart presents the same certificate. Two first starts together store one of theirs.
 */
export async function loadRelayTls(): Promise<RelayTls> {
  const stored = await db().relaySettings.findUnique({ where: { id: RELAY_SETTINGS_ID } });
  if (stored?.certificatePem && stored.certificateKey)
    return {
      cert: stored.certificatePem,
      key: decryptSecret(stored.certificateKey, KEY_CONTEXT, 'SMTP relay certificate key'),
    };
  const made = generateCertificate(os.hostname() || 'switchboard', 825, 2048, 'serverAuth');
  const data = {
    certificatePem: made.certificatePem,
    certificateKey: encryptSecret(made.privateKeyPem, KEY_CONTEXT),
    certificateGenerated: true,
  };
  try {
    await db().relaySettings.create({ data: { id: RELAY_SETTINGS_ID, ...data } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await db().relaySettings.updateMany({ where: { id: RELAY_SETTINGS_ID, certificatePem: null }, data });
  }
  return loadRelayTls();
}
