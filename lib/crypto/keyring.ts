import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { securePrivateFolder } from '@/lib/db/secure-data-files';

// Keys come from SWITCHBOARD_ENCRYPTION_KEY (comma-separated base64 keys, the first one encrypts, the others
// stay readable during a rotation) or, when that is unset, from a key file generated once into the data folder.

export interface EncryptionKey {
  id: string;
  key: Buffer;
  createdAt: string;
}

export interface Keyring {
  source: 'environment' | 'file';
  file?: string;
  current: EncryptionKey;
  keys: Map<string, EncryptionKey>;
}

interface KeyFile {
  version: 1;
  current: string;
  keys: { id: string; key: string; createdAt: string }[];
}

export const KEY_FILE_NAME = 'encryption-keys.json';

export class KeyConfigurationError extends Error {}

export function keyIdFor(key: Buffer): string {
  // A digest of a random 256-bit key reveals nothing usable, and lets the same key get the same id everywhere.
  return 'k' + crypto.createHash('sha256').update(key).digest('hex').slice(0, 10);
}

export function decodeKey(text: string, label: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) || key.length !== 32) {
    throw new KeyConfigurationError(
      `${label} must be 32 random bytes in base64 (44 characters), e.g. the output of \`openssl rand -base64 32\`; got ${key.length} bytes`,
    );
  }
  return key;
}

export function generateKey(): EncryptionKey {
  const key = crypto.randomBytes(32);
  return { id: keyIdFor(key), key, createdAt: new Date().toISOString() };
}

export function keyringFromEnvironment(value: string): Keyring {
  const parts = value.split(',').filter((p) => p.trim() !== '');
  const keys = new Map<string, EncryptionKey>();
  const list = parts.map((part, i) => {
    const key = decodeKey(
      part,
      parts.length > 1 ? `SWITCHBOARD_ENCRYPTION_KEY (key ${i + 1})` : 'SWITCHBOARD_ENCRYPTION_KEY',
    );
    const entry = { id: keyIdFor(key), key, createdAt: '' };
    keys.set(entry.id, entry);
    return entry;
  });
  const current = list[0];
  if (!current) throw new KeyConfigurationError('SWITCHBOARD_ENCRYPTION_KEY is empty');
  return { source: 'environment', current, keys };
}

function parseKeyFile(file: string): Keyring {
  let parsed: KeyFile;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  } catch (error) {
    throw new KeyConfigurationError(`The key file ${file} cannot be read: ${(error as Error).message}`);
  }
  const keys = new Map<string, EncryptionKey>();
  for (const [i, entry] of (parsed.keys ?? []).entries()) {
    const key = decodeKey(entry.key, `${file} (key ${i + 1})`);
    keys.set(keyIdFor(key), { id: keyIdFor(key), key, createdAt: entry.createdAt });
  }
  const current = keys.get(parsed.current);
  if (!current)
    throw new KeyConfigurationError(`The key file ${file} names a current key (${parsed.current}) it does not hold`);
  return { source: 'file', file, current, keys };
}

export function writeKeyFile(file: string, current: EncryptionKey, keys: Iterable<EncryptionKey>): void {
  const body: KeyFile = {
    version: 1,
    current: current.id,
    keys: [...keys].map((k) => ({ id: k.id, key: k.key.toString('base64'), createdAt: k.createdAt })),
  };
  // Write beside and rename, so a reader never sees half a file and the mode is 0600 from the first byte.
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(body, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(temp, file);
}

export function keyringFromFile(dataDir: string): Keyring {
  const file = path.join(dataDir, KEY_FILE_NAME);
  if (!fs.existsSync(file)) {
    securePrivateFolder(dataDir);
    const key = generateKey();
    const body: KeyFile = {
      version: 1,
      current: key.id,
      keys: [{ id: key.id, key: key.key.toString('base64'), createdAt: key.createdAt }],
    };
    try {
      // 'wx': two processes starting together must not each generate a different key.
      fs.writeFileSync(file, JSON.stringify(body, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return parseKeyFile(file);
}

export function keyFileMode(file: string): number {
  return fs.statSync(file).mode & 0o777;
}
