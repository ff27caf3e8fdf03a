import 'server-only';
import { decryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { decodeEmailSettings } from './decode-email-settings';
import { type DeliverySettings, EMAIL_SETTINGS_ID } from './delivery-settings';

/** The saved Emails settings as the outbox uses them (the Basic password decrypted), or null before the first save. */
export async function loadDeliverySettings(): Promise<DeliverySettings | null> {
  const row = await db().emailSettings.findUnique({ where: { id: EMAIL_SETTINGS_ID } });
  if (!row) return null;
  return decodeEmailSettings(row, (ciphertext) =>
    decryptSecret(ciphertext, 'EmailSettings.password', 'Email settings SMTP password'),
  );
}
