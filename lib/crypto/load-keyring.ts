import 'server-only';
import fs from 'node:fs';
import { env } from '@/lib/env';
import { type Keyring, keyringFromEnvironment, keyringFromFile } from './keyring';

let cached: { keyring: Keyring; mtimeMs: number } | undefined;

function fileMtime(file: string | undefined): number {
  if (!file) return 0;
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * The keyring for this process. In file mode it is re-read when the file changes, so a running server picks up
 * a key that `npm run keys:rotate` added instead of writing new secrets under a key that is being retired.
 */
export function loadKeyring(): Keyring {
  const { SWITCHBOARD_ENCRYPTION_KEY, SWITCHBOARD_DATA_DIR } = env();
  if (cached && (cached.keyring.source === 'environment' || fileMtime(cached.keyring.file) === cached.mtimeMs)) {
    return cached.keyring;
  }
  const keyring = SWITCHBOARD_ENCRYPTION_KEY
    ? keyringFromEnvironment(SWITCHBOARD_ENCRYPTION_KEY)
    : keyringFromFile(SWITCHBOARD_DATA_DIR);
  cached = { keyring, mtimeMs: fileMtime(keyring.file) };
  return keyring;
}

export function forgetKeyring(): void {
  cached = undefined;
}
