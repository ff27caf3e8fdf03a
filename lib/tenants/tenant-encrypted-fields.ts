import 'server-only';
import type { EncryptedField } from '@/lib/crypto/encrypted-fields';

/**
 * The tenants' ciphertext columns (client secret, certificate private key, and the new ones of a Rotate credential),
 * for lib/composition/encrypted-fields.ts (key rotation, leak tests).
 */
export const TENANT_ENCRYPTED_FIELDS: EncryptedField[] = [
  {
    context: 'Tenant.clientSecret',
    async list(db) {
      const rows = await db.tenant.findMany({
        where: { clientSecret: { not: null } },
        select: { id: true, name: true, clientSecret: true },
      });
      return rows.map((r) => ({ id: r.id, label: `Tenant '${r.name}' client secret`, value: r.clientSecret ?? '' }));
    },
    async replace(db, id, expected, next) {
      const { count } = await db.tenant.updateMany({
        where: { id, clientSecret: expected },
        data: { clientSecret: next },
      });
      return count === 1;
    },
  },
  {
    context: 'Tenant.certificatePrivateKey',
    async list(db) {
      const rows = await db.tenant.findMany({
        where: { certificatePrivateKey: { not: null } },
        select: { id: true, name: true, certificatePrivateKey: true },
      });
      return rows.map((r) => ({
        id: r.id,
        label: `Tenant '${r.name}' certificate private key`,
        value: r.certificatePrivateKey ?? '',
      }));
    },
    async replace(db, id, expected, next) {
      const { count } = await db.tenant.updateMany({
        where: { id, certificatePrivateKey: expected },
        data: { certificatePrivateKey: next },
      });
      return count === 1;
    },
  },
  {
    context: 'Tenant.pendingClientSecret',
    async list(db) {
      const rows = await db.tenant.findMany({
        where: { pendingClientSecret: { not: null } },
        select: { id: true, name: true, pendingClientSecret: true },
      });
      return rows.map((r) => ({
        id: r.id,
        label: `Tenant '${r.name}' new client secret`,
        value: r.pendingClientSecret ?? '',
      }));
    },
    async replace(db, id, expected, next) {
      const { count } = await db.tenant.updateMany({
        where: { id, pendingClientSecret: expected },
        data: { pendingClientSecret: next },
      });
      return count === 1;
    },
  },
  {
    context: 'Tenant.pendingCertificatePrivateKey',
    async list(db) {
      const rows = await db.tenant.findMany({
        where: { pendingCertificatePrivateKey: { not: null } },
        select: { id: true, name: true, pendingCertificatePrivateKey: true },
      });
      return rows.map((r) => ({
        id: r.id,
        label: `Tenant '${r.name}' new certificate private key`,
        value: r.pendingCertificatePrivateKey ?? '',
      }));
    },
    async replace(db, id, expected, next) {
      const { count } = await db.tenant.updateMany({
        where: { id, pendingCertificatePrivateKey: expected },
        data: { pendingCertificatePrivateKey: next },
      });
      return count === 1;
    },
  },
];
