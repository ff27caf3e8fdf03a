// npm run keys:rotate - re-encrypt every stored secret under a new key (see README, "Encryption keys").
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { loadKeyring } from '@/lib/crypto/load-keyring';
import { rotateKeys } from '@/lib/composition/rotate-keys';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { resolveDatabaseConfig } from '@/lib/db/database-config';
import { db, disconnectDb } from '@/lib/db/prisma';
import { env } from '@/lib/env';

async function main(): Promise<number> {
  env();
  await applyMigrations(resolveDatabaseConfig());
  const keyring = loadKeyring();
  if (keyring.source === 'environment' && keyring.keys.size === 1) {
    console.log(
      'SWITCHBOARD_ENCRYPTION_KEY holds one key. To rotate, put the new key first and the old one after it\n' +
        '(SWITCHBOARD_ENCRYPTION_KEY="NEW,OLD") on every instance, run this command, then remove OLD.\n' +
        'Re-encrypting anything not yet under the current key.',
    );
  }
  const result = await rotateKeys(db(), keyring);
  await recordAuditEvent({
    actor: { id: null, email: 'system (keys:rotate)' },
    action: 'keys.rotate',
    outcome: result.failures.length ? 'failure' : 'success',
    summary: `Encryption key rotated to ${result.newKeyId}: ${result.reencrypted} secret(s) re-encrypted, ${result.failures.length} failure(s)`,
    details: {
      newKeyId: result.newKeyId,
      reencrypted: result.reencrypted,
      alreadyCurrent: result.alreadyCurrent,
      retiredKeyIds: result.retiredKeyIds,
      failures: result.failures,
    },
  });
  console.log(`Current key: ${result.newKeyId}`);
  console.log(`Re-encrypted: ${result.reencrypted}; already under the current key: ${result.alreadyCurrent}`);
  if (result.retiredKeyIds.length) console.log(`Retired keys: ${result.retiredKeyIds.join(', ')}`);
  for (const failure of result.failures) console.error(`Not rotated: ${failure}`);
  if (result.failures.length)
    console.error('Old keys were kept so nothing becomes unreadable. Fix the above and run again.');
  return result.failures.length ? 1 : 0;
}

main()
  .then(async (code) => {
    await disconnectDb();
    process.exit(code);
  })
  .catch((error: unknown) => {
    console.error(`Key rotation failed: ${(error as Error).message}`);
    process.exit(1);
  });
