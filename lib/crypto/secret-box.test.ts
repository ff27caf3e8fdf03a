import { describe, expect, it } from 'vitest';
import { decodeKey, generateKey, type Keyring, keyringFromEnvironment } from './keyring';
import { decryptWith, encryptWith, keyIdOf, SecretDecryptionError } from './secret-box';

function ringOf(...keys: ReturnType<typeof generateKey>[]): Keyring {
  return { source: 'environment', current: keys[0]!, keys: new Map(keys.map((k) => [k.id, k])) };
}

describe('secret box', () => {
  const key = generateKey();
  const ring = ringOf(key);

  it('round-trips and tags the ciphertext with the key id', () => {
    const sealed = encryptWith(ring, 's3cret-value', 'Tenant.clientSecret');
    expect(sealed).not.toContain('s3cret');
    expect(keyIdOf(sealed)).toBe(key.id);
    expect(decryptWith(ring, sealed, 'Tenant.clientSecret', 'tenant x')).toBe('s3cret-value');
  });

  it('never produces the same ciphertext twice', () => {
    expect(encryptWith(ring, 'a', 'c')).not.toBe(encryptWith(ring, 'a', 'c'));
  });

  it('reports a tampered ciphertext, naming the record', () => {
    const sealed = encryptWith(ring, 'value', 'Tenant.clientSecret');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => decryptWith(ring, parts.join('.'), 'Tenant.clientSecret', "Tenant 'Contoso' client secret")).toThrow(
      /Cannot decrypt Tenant 'Contoso' client secret: the stored value was altered/,
    );
  });

  it('refuses a ciphertext moved to another column', () => {
    const sealed = encryptWith(ring, 'value', 'Tenant.clientSecret');
    expect(() => decryptWith(ring, sealed, 'ServiceConnection.tokenCache', 'conn')).toThrow(SecretDecryptionError);
  });

  it('explains a missing key instead of returning garbage', () => {
    const sealed = encryptWith(ring, 'value', 'c');
    const other = ringOf(generateKey());
    expect(() => decryptWith(other, sealed, 'c', 'record 1')).toThrow(
      new RegExp(`key ${key.id}, which this server does not have`),
    );
  });

  it('reads old keys while writing with the first one', () => {
    const old = generateKey();
    const oldSealed = encryptWith(ringOf(old), 'before', 'c');
    const rotated = ringOf(generateKey(), old);
    expect(decryptWith(rotated, oldSealed, 'c', 'r')).toBe('before');
    expect(keyIdOf(encryptWith(rotated, 'after', 'c'))).toBe(rotated.current.id);
  });

  it('rejects keys that are not 32 bytes of base64', () => {
    expect(() => decodeKey('c2hvcnQ=', 'SWITCHBOARD_ENCRYPTION_KEY')).toThrow(/32 random bytes/);
    expect(() => keyringFromEnvironment('not base64 at all!')).toThrow(/SWITCHBOARD_ENCRYPTION_KEY/);
    const k = generateKey().key.toString('base64');
    const k2 = generateKey().key.toString('base64');
    const envRing = keyringFromEnvironment(`${k},${k2}`);
    expect(envRing.keys.size).toBe(2);
    expect(envRing.current.key.toString('base64')).toBe(k);
  });
});
