import 'server-only';
import type { EncryptedField } from '@/lib/crypto/encrypted-fields';

/** The E-mail Robot's ciphertext columns, for lib/composition/encrypted-fields.ts (key rotation, leak tests). */
export const ROBOT_ENCRYPTED_FIELDS: EncryptedField[] = [
  {
    context: 'RobotMailbox.webhookSecret',
    async list(db) {
      const rows = await db.robotMailbox.findMany({
        where: { webhookSecret: { not: null } },
        select: { id: true, name: true, webhookSecret: true },
      });
      return rows.map((r) => ({
        id: r.id,
        label: `Robot mailbox '${r.name}' webhook secret`,
        value: r.webhookSecret ?? '',
      }));
    },
    async replace(db, id, expected, next) {
      const { count } = await db.robotMailbox.updateMany({
        where: { id, webhookSecret: expected },
        data: { webhookSecret: next },
      });
      return count === 1;
    },
  },
];
