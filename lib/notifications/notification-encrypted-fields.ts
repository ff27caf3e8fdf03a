import 'server-only';
import type { EncryptedField } from '@/lib/crypto/encrypted-fields';

/** The notifications' ciphertext column, for lib/composition/encrypted-fields.ts (key rotation, leak tests). */
export const NOTIFICATION_ENCRYPTED_FIELDS: EncryptedField[] = [
  {
    context: 'NotificationSettings.webhookSecret',
    async list(db) {
      const rows = await db.notificationSettings.findMany({
        where: { webhookSecret: { not: null } },
        select: { id: true, webhookSecret: true },
      });
      return rows.map((r) => ({ id: r.id, label: 'Notification webhook secret', value: r.webhookSecret ?? '' }));
    },
    async replace(db, id, expected, next) {
      const { count } = await db.notificationSettings.updateMany({
        where: { id, webhookSecret: expected },
        data: { webhookSecret: next },
      });
      return count === 1;
    },
  },
];
