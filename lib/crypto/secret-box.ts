import 'server-only';
import crypto from 'node:crypto';
import type { Keyring } from './keyring';

// Ciphertext layout: sb1.<keyId>.<iv>.<ciphertext>.<tag>, base64url parts. The version marker lets a later format
// coexist with this one; the key id says which key opens it; the associated data binds it to its column, so a
// value copied into another column does not decrypt.

const VERSION = 'sb1';

export class SecretDecryptionError extends Error {
  constructor(
    readonly record: string,
    readonly reason: 'unknown-key' | 'tampered' | 'malformed',
    detail: string,
  ) {
    super(`Cannot decrypt ${record}: ${detail}`);
    this.name = 'SecretDecryptionError';
  }
}

export function encryptWith(keyring: Keyring, plaintext: string, context: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    VERSION,
    keyring.current.id,
    iv.toString('base64url'),
    body.toString('base64url'),
    tag.toString('base64url'),
  ].join('.');
}

export function keyIdOf(ciphertext: string): string | undefined {
  const parts = ciphertext.split('.');
  return parts.length === 5 && parts[0] === VERSION ? parts[1] : undefined;
}

/** `record` names the stored value for a person ("Tenant 'Contoso' client secret"); it is never the value. */
export function decryptWith(keyring: Keyring, ciphertext: string, context: string, record: string): string {
  const parts = ciphertext.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION) {
    throw new SecretDecryptionError(record, 'malformed', 'the stored value is not a Switchboard ciphertext');
  }
  const [, keyId, iv, body, tag] = parts as [string, string, string, string, string];
  const key = keyring.keys.get(keyId);
  if (!key) {
    throw new SecretDecryptionError(
      record,
      'unknown-key',
      `it was encrypted with key ${keyId}, which this server does not have (check SWITCHBOARD_ENCRYPTION_KEY or the key file)`,
    );
  }
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretDecryptionError(
      record,
      'tampered',
      'the stored value was altered or does not belong to this field',
    );
  }
}
