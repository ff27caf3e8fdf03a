import 'server-only';
import { loadKeyring } from './load-keyring';
import { decryptWith, encryptWith } from './secret-box';

export { SecretDecryptionError } from './secret-box';

/** Encrypts a secret for the column `context` (e.g. "Tenant.clientSecret") with the current key. */
export function encryptSecret(plaintext: string, context: string): string {
  return encryptWith(loadKeyring(), plaintext, context);
}

export function decryptSecret(ciphertext: string, context: string, record: string): string {
  return decryptWith(loadKeyring(), ciphertext, context, record);
}

/** The last four characters, for "ends ••••ab12": enough to recognise a secret, not to use it. */
export function secretHint(plaintext: string): string {
  return plaintext.length >= 12 ? plaintext.slice(-4) : '';
}
