import 'server-only';
import type { EncryptedField } from '@/lib/crypto/encrypted-fields';
import { RELAY_SETTINGS_ID } from './relay-settings-id';

/** The SMTP relay's ciphertext column (its certificate's private key), for lib/composition/encrypted-fields.ts. */
export const RELAY_ENCRYPTED_FIELDS: EncryptedField[] = [
  {
    context: 'RelaySettings.certificateKey',
    async list(db) {
      const row = await db.relaySettings.findUnique({
        where: { id: RELAY_SETTINGS_ID },
        select: { id: true, certificateKey: true },
      });
      return row?.certificateKey
        ? [{ id: row.id, label: 'SMTP relay certificate key', value: row.certificateKey }]
        : [];
    },
    async replace(db, id, expected, next) {
      const { count } = await db.relaySettings.updateMany({
        where: { id, certificateKey: expected },
        data: { certificateKey: next },
      });
      return count === 1;
    },
  },
];
