import 'server-only';
import type { Db } from '@/lib/db/create-prisma-client';
import { EMAIL_ENCRYPTED_FIELDS } from '@/lib/mail/settings/email-encrypted-fields';
import { NOTIFICATION_ENCRYPTED_FIELDS } from '@/lib/notifications/notification-encrypted-fields';
import { ROBOT_ENCRYPTED_FIELDS } from '@/lib/robot/robot-encrypted-fields';

// Every column that holds a ciphertext, listed once: key rotation walks this list, and the plaintext-leak tests
// use it to know what must never appear in the database file.

export interface EncryptedRow {
  id: string;
  label: string;
  value: string;
}

export interface EncryptedField {
  context: string;
  list(db: Db): Promise<EncryptedRow[]>;
  /** Replaces the value only if it is still `expected`; returns whether it did (a concurrent edit wins). */
  replace(db: Db, id: string, expected: string, next: string): Promise<boolean>;
}

export const ENCRYPTED_FIELDS: EncryptedField[] = [
  {
    context: 'Tenant.clientSecret',
    async list(db) {
      const rows = await db.tenant.findMany({ where: { clientSecret: { not: null } }, select: { id: true, name: true, clientSecret: true } });
      return rows.map((r) => ({ id: r.id, label: `Tenant '${r.name}' client secret`, value: r.clientSecret ?? '' }));
    },
    async replace(db, id, expected, next) {
      const { count } = await db.tenant.updateMany({ where: { id, clientSecret: expected }, data: { clientSecret: next } });
      return count === 1;
    },
  },
  {
    context: 'ServiceConnection.tokenCache',
    async list(db) {
      const rows = await db.serviceConnection.findMany({ where: { tokenCache: { not: null } }, select: { id: true, name: true, tokenCache: true } });
      return rows.map((r) => ({ id: r.id, label: `Service connection '${r.name}' token cache`, value: r.tokenCache ?? '' }));
    },
    async replace(db, id, expected, next) {
      const { count } = await db.serviceConnection.updateMany({ where: { id, tokenCache: expected }, data: { tokenCache: next } });
      return count === 1;
    },
  },
  {
    context: 'AuthRequest.codeVerifier',
    async list(db) {
      const rows = await db.authRequest.findMany({ select: { id: true, codeVerifier: true } });
      return rows.map((r) => ({ id: r.id, label: `Sign-in attempt ${r.id} PKCE verifier`, value: r.codeVerifier }));
    },
    async replace(db, id, expected, next) {
      const { count } = await db.authRequest.updateMany({ where: { id, codeVerifier: expected }, data: { codeVerifier: next } });
      return count === 1;
    },
  },
  ...EMAIL_ENCRYPTED_FIELDS,
  ...ROBOT_ENCRYPTED_FIELDS,
  ...NOTIFICATION_ENCRYPTED_FIELDS,
];
