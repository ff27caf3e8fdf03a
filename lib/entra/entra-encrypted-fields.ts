import 'server-only';
import type { EncryptedField } from '@/lib/crypto/encrypted-fields';

/** The sign-in's ciphertext columns (token caches, PKCE verifiers), for lib/composition/encrypted-fields.ts. */
export const ENTRA_ENCRYPTED_FIELDS: EncryptedField[] = [
  {
    context: 'ServiceConnection.tokenCache',
    async list(db) {
      const rows = await db.serviceConnection.findMany({
        where: { tokenCache: { not: null } },
        select: { id: true, name: true, tokenCache: true },
      });
      return rows.map((r) => ({
        id: r.id,
        label: `Service connection '${r.name}' token cache`,
        value: r.tokenCache ?? '',
      }));
    },
    async replace(db, id, expected, next) {
      const { count } = await db.serviceConnection.updateMany({
        where: { id, tokenCache: expected },
        data: { tokenCache: next },
      });
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
      const { count } = await db.authRequest.updateMany({
        where: { id, codeVerifier: expected },
        data: { codeVerifier: next },
      });
      return count === 1;
    },
  },
];
