// Issue 10 §1: "Use SSL" replaces "Allow unencrypted connection", and saved settings keep their behaviour. The
// migration runs on settings saved under the old meaning, on both providers, and on test emails still waiting.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../lib/db/apply-migrations';
import type { DatabaseProvider } from '../../../lib/db/database-config';
import { defaultMigrationsDir, readMigrations } from '../../../lib/db/migrations-folder';
import { smtpSecurity } from '../../../lib/mail/settings/smtp-security';
import { freshDatabase, type FreshDatabase } from './fresh-database';
import { queryRows } from './query';

const MIGRATION = 'use_ssl_and_connection_capabilities';

/** The shipped migrations before this one. */
function migrationsBefore(provider: DatabaseProvider): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'switchboard-migrations-')), provider);
  cpSync(defaultMigrationsDir(provider), dir, { recursive: true });
  // This one and every later one (a later migration may rebuild the table with this one's columns).
  const target = readMigrations(dir, provider).find((m) => m.name.endsWith(MIGRATION));
  if (!target) throw new Error(`migration ${MIGRATION} not found`);
  for (const migration of readMigrations(dir, provider).filter((m) => m.name >= target.name))
    rmSync(join(dir, migration.name), { recursive: true });
  return dir;
}

// Old meaning: useSsl = TLS from the first byte on any port; STARTTLS required unless allowUnencrypted.
const OLD: { id: string; server: string; useSsl: boolean; allowUnencrypted: boolean; mode: string }[] = [
  {
    id: 'starttls-required',
    server: 'smtp.office365.com:587',
    useSsl: false,
    allowUnencrypted: false,
    mode: 'starttls',
  },
  { id: 'implicit-465', server: 'mail.contoso.com:465', useSsl: true, allowUnencrypted: false, mode: 'implicit' },
  { id: 'implicit-2465', server: 'mail.contoso.com:2465', useSsl: true, allowUnencrypted: false, mode: 'implicit' },
  { id: 'plain-allowed', server: 'relay.contoso.com:25', useSsl: false, allowUnencrypted: true, mode: 'opportunistic' },
];

describe.each(['sqlite', 'postgresql'] as const)('the Use SSL migration (%s)', (provider) => {
  let database: FreshDatabase | undefined;
  afterEach(async () => {
    await database?.cleanup();
    database = undefined;
  });

  it('keeps every saved setting’s behaviour, and ends test emails that were still waiting to be retried', async () => {
    database = await freshDatabase(provider);
    const { config } = database;
    await applyMigrations(config, { migrationsDir: migrationsBefore(provider) });
    const bool = (value: boolean) => (provider === 'sqlite' ? Number(value) : value);
    for (const row of OLD) {
      await queryRows(
        config,
        'INSERT INTO "EmailSettings" ("id", "smtpServer", "useSsl", "allowUnencrypted", "updatedAt") VALUES ($1, $2, $3, $4, $5)',
        [
          row.id,
          row.server,
          bool(row.useSsl),
          bool(row.allowUnencrypted),
          provider === 'sqlite' ? Date.now() : new Date(),
        ],
      );
    }
    for (const [id, source, state] of [
      ['t1', 'test', 'queued'],
      ['t2', 'test', 'sent'],
      ['a1', 'api', 'queued'],
    ]) {
      await queryRows(
        config,
        'INSERT INTO "OutboundMessage" ("id", "source", "state", "fromAddress", "toRecipients", "messageIdHeader", "transportOverride", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [
          id,
          source,
          state,
          'a@contoso.com',
          '[]',
          `<${id}@contoso.com>`,
          source === 'test' ? 'sb1.key.ciphertext' : null,
          provider === 'sqlite' ? Date.now() : new Date(),
        ],
      );
    }

    expect((await applyMigrations(config)).applied.some((name) => name.endsWith(MIGRATION))).toBe(true);

    const rows = await queryRows<{ id: string; smtpServer: string; useSsl: unknown; implicitTls: unknown }>(
      config,
      'SELECT "id", "smtpServer", "useSsl", "implicitTls" FROM "EmailSettings"',
    );
    const modes = Object.fromEntries(
      rows.map((r) => {
        const security = smtpSecurity(Number(r.smtpServer.split(':')[1]), Boolean(r.useSsl), Boolean(r.implicitTls));
        return [r.id, security.ok ? security.mode : security.message];
      }),
    );
    expect(modes).toEqual(Object.fromEntries(OLD.map((r) => [r.id, r.mode])));

    const messages = await queryRows<{ id: string; state: string; transportOverride: string | null }>(
      config,
      'SELECT "id", "state", "transportOverride" FROM "OutboundMessage" ORDER BY "id"',
    );
    expect(messages).toEqual([
      { id: 'a1', state: 'queued', transportOverride: null },
      { id: 't1', state: 'failed', transportOverride: null },
      { id: 't2', state: 'sent', transportOverride: 'sb1.key.ciphertext' },
    ]);
  });
});
