import 'server-only';
import type { EncryptedField } from '@/lib/crypto/encrypted-fields';
import { EMAIL_SETTINGS_ID } from './delivery-settings';

// The email feature's ciphertext columns, for key rotation and the plaintext-leak tests: the Basic SMTP password,
// and the settings a test email is delivered with (they may hold that password).
export const EMAIL_ENCRYPTED_FIELDS: EncryptedField[] = [
  {
    context: 'EmailSettings.password',
    async list(db) {
      const row = await db.emailSettings.findUnique({
        where: { id: EMAIL_SETTINGS_ID },
        select: { id: true, password: true },
      });
      return row?.password ? [{ id: row.id, label: 'Email settings SMTP password', value: row.password }] : [];
    },
    async replace(db, id, expected, next) {
      const { count } = await db.emailSettings.updateMany({
        where: { id, password: expected },
        data: { password: next },
      });
      return count === 1;
    },
  },
  {
    context: 'OutboundMessage.transportOverride',
    async list(db) {
      const rows = await db.outboundMessage.findMany({
        where: { transportOverride: { not: null } },
        select: { id: true, transportOverride: true },
      });
      return rows.map((r) => ({
        id: r.id,
        label: `Outbox message ${r.id} test settings`,
        value: r.transportOverride ?? '',
      }));
    },
    async replace(db, id, expected, next) {
      const { count } = await db.outboundMessage.updateMany({
        where: { id, transportOverride: expected },
        data: { transportOverride: next },
      });
      return count === 1;
    },
  },
];
