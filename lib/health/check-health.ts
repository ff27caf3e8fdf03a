import 'server-only';
import { loadKeyring } from '@/lib/crypto/load-keyring';
import { keyFileMode } from '@/lib/crypto/keyring';
import { resolveDatabaseConfig } from '@/lib/db/database-config';
import { db } from '@/lib/db/prisma';

export interface Health {
  status: 'ok' | 'degraded' | 'down';
  database: { ok: boolean; provider: string; error?: string };
  encryption: { ok: boolean; source?: string; keyId?: string; warning?: string; error?: string };
}

export async function checkHealth(): Promise<Health> {
  const provider = resolveDatabaseConfig().provider;
  const database: Health['database'] = { ok: true, provider };
  try {
    await db().$queryRawUnsafe('SELECT 1');
  } catch {
    // The driver's message can carry a connection string: report the fact, not the text.
    database.ok = false;
    database.error = 'The database does not answer';
  }

  const encryption: Health['encryption'] = { ok: true };
  try {
    const keyring = loadKeyring();
    encryption.source = keyring.source;
    encryption.keyId = keyring.current.id;
    if (keyring.file && (keyFileMode(keyring.file) & 0o077) !== 0) {
      encryption.warning = 'The key file can be read by other users; set its mode to 0600';
    }
  } catch (error) {
    encryption.ok = false;
    encryption.error = (error as Error).message;
  }

  const status = !database.ok || !encryption.ok ? 'down' : encryption.warning ? 'degraded' : 'ok';
  return { status, database, encryption };
}
