import 'server-only';
import type { Db } from '@/lib/db/create-prisma-client';

// The shape of one column that holds a ciphertext. Each layer lists its own columns next to the code that writes them
// (lib/tenants, lib/entra, lib/mail, lib/robot, lib/notifications); lib/composition/encrypted-fields.ts puts them
// together, for key rotation and for the plaintext-leak tests, which must see every one.

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
