// `npm run db:migration -- <name>`: after editing prisma/schema.prisma, writes the migration that brings each
// provider's migrations folder up to the schema, as prisma/migrations/<provider>/<timestamp>_<name>/migration.sql
// (same folder name for SQLite and PostgreSQL), then regenerates the clients. Writes nothing when the migrations
// already match the schema. PostgreSQL shadow databases are created and dropped on TEST_POSTGRES_URL's server
// (default postgresql://postgres@127.0.0.1:5432/test), or in a private PGlite when no server is there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LOCKFILE, lockfileContent } from '../../lib/db/migrations-folder';
import { diffMigrationsToSchema, type MigrationDiff } from './migration-diff';
import { postgresAnswers, startPrivatePglite, testPostgresUrl } from './postgres-admin';
import { PROJECT_ROOT, PROVIDERS, migrationsDir } from './provider-schema.mjs';
import { lastEnginePanic } from './wasm-engine';

/** Prisma's naming: the folder is `<UTC yyyyMMddHHmmss>_<name>`, the name limited to letters, digits and `_`. */
function folderName(rawName: string, now: Date): string {
  const name = rawName
    .trim()
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200);
  if (!name) throw new Error('usage: npm run db:migration -- <name>   (e.g. add_tenant_notes)');
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `${stamp}_${name}`;
}

function statementsIn(script: string): number {
  return script.split('\n').filter((line) => /^-- [A-Z]/.test(line)).length;
}

function writeMigration(diff: MigrationDiff, folder: string): string {
  const dir = migrationsDir(diff.provider);
  const target = join(dir, folder);
  if (existsSync(target)) throw new Error(`${relative(PROJECT_ROOT, target)} already exists`);
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'migration.sql'), diff.script);
  // Written like Prisma's CLI does, so a native `prisma migrate` would accept (and not rewrite) the folder.
  if (!existsSync(join(dir, LOCKFILE))) writeFileSync(join(dir, LOCKFILE), lockfileContent(diff.provider));
  return relative(PROJECT_ROOT, join(target, 'migration.sql'));
}

/**
 * The PostgreSQL server for the engine's shadow databases: TEST_POSTGRES_URL when set; else the default local
 * server if one answers; else a private in-process PGlite, so the command works on a machine without PostgreSQL.
 */
async function shadowServer(): Promise<{ url: string; label: string; stop?: () => Promise<void> }> {
  const url = testPostgresUrl();
  const masked = url.replace(/:[^:@/]*@/, ':***@');
  if (process.env.TEST_POSTGRES_URL?.trim() || (await postgresAnswers(url))) return { url, label: masked };
  const pglite = await startPrivatePglite();
  return { ...pglite, label: `an in-process PGlite (no PostgreSQL answered at ${masked})` };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  if (args.length !== 1 || args[0]?.startsWith('-')) {
    throw new Error('usage: npm run db:migration -- <name>   (e.g. add_tenant_notes)');
  }
  const folder = folderName(args[0] ?? '', new Date());
  const server = await shadowServer();
  console.log(
    `Comparing prisma/schema.prisma with prisma/migrations/{${PROVIDERS.join(',')}} ` +
      `(PostgreSQL shadow databases on ${server.label})...`,
  );

  // One provider after the other: the wasm engine is a single instance per process.
  const diffs: MigrationDiff[] = [];
  try {
    for (const provider of PROVIDERS) {
      const diff = await diffMigrationsToSchema(provider, { postgresUrl: server.url });
      const summary = diff.empty ? 'migrations match the schema' : `${statementsIn(diff.script)} change(s)`;
      console.log(`  ${provider}: ${summary}`);
      diffs.push(diff);
    }
  } finally {
    await server.stop?.();
  }
  const changed = diffs.filter((diff) => !diff.empty);
  if (changed.length === 0) {
    console.log('Nothing to do: no migration created.');
    return;
  }
  if (changed.length !== diffs.length) {
    // Normally impossible (one schema); happens when one provider's migrations were edited by hand.
    console.warn(
      `warning: only ${changed.map((d) => d.provider).join(', ')} differ from the schema; ` +
        'writing a migration for that provider only.',
    );
  }
  for (const diff of changed) {
    console.log(`Created ${writeMigration(diff, folder)}`);
    if (diff.script.includes('Warnings:')) console.log(diff.script.slice(0, diff.script.indexOf('*/') + 2));
  }
  console.log('Review the SQL, then commit it with the schema. The app applies it at start-up.');

  // The models changed, so the generated clients must follow (idempotent, fast when nothing changed).
  const generate = spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts', 'db', 'generate-client.mjs')], {
    stdio: 'inherit',
  });
  if (generate.status !== 0) throw new Error('regenerating the Prisma clients failed (see above)');
}

// A panic inside the engine can surface outside any awaited call, as a bare `RuntimeError: unreachable`.
process.on('uncaughtException', (error) => {
  const panic = lastEnginePanic();
  console.error(`\ndb:migration failed: ${panic ? `the schema engine panicked: ${panic}` : error.message}`);
  process.exit(1);
});

main().catch((error: unknown) => {
  console.error(`\ndb:migration failed: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG_SCHEMA_ENGINE && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
