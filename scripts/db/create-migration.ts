// `npm run db:migration -- <name>`: after editing prisma/schema.prisma, writes the migration that brings each
// provider's migrations folder up to the schema, as prisma/migrations/<provider>/<timestamp>_<name>/migration.sql
// (same folder name for SQLite and PostgreSQL), then regenerates the clients. Writes nothing when the migrations
// already match the schema. Needs a PostgreSQL server (TEST_POSTGRES_URL, default
// postgresql://postgres@127.0.0.1:5432/test) on which it may create and drop a temporary shadow database.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LOCKFILE, lockfileContent } from '../../lib/db/migrations-folder';
import { diffMigrationsToSchema, type MigrationDiff } from './migration-diff';
import { testPostgresUrl } from './postgres-admin';
import { PROJECT_ROOT, PROVIDERS, migrationsDir } from './provider-schema.mjs';

/** Prisma's naming: the folder is `<UTC yyyyMMddHHmmss>_<name>`, the name limited to letters, digits and `_`. */
function folderName(rawName: string, now: Date): string {
  const name = rawName.trim().replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 200);
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

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  if (args.length !== 1 || args[0]?.startsWith('-')) {
    throw new Error('usage: npm run db:migration -- <name>   (e.g. add_tenant_notes)');
  }
  const folder = folderName(args[0] ?? '', new Date());
  console.log(`Comparing prisma/schema.prisma with prisma/migrations/{${PROVIDERS.join(',')}} ` +
    `(PostgreSQL shadow databases on ${testPostgresUrl().replace(/:[^:@/]*@/, ':***@')})...`);

  // One provider after the other: the wasm engine is a single instance per process.
  const diffs: MigrationDiff[] = [];
  for (const provider of PROVIDERS) {
    const diff = await diffMigrationsToSchema(provider);
    console.log(diff.empty ? `  ${provider}: migrations match the schema` : `  ${provider}: ${statementsIn(diff.script)} change(s)`);
    diffs.push(diff);
  }
  const changed = diffs.filter((diff) => !diff.empty);
  if (changed.length === 0) {
    console.log('Nothing to do: no migration created.');
    return;
  }
  if (changed.length !== diffs.length) {
    // Normally impossible (one schema); happens when one provider's migrations were edited by hand.
    console.warn(`warning: only ${changed.map((d) => d.provider).join(', ')} differ from the schema; ` +
      'writing a migration for that provider only.');
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

main().catch((error: unknown) => {
  console.error(`\ndb:migration failed: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.DEBUG_SCHEMA_ENGINE && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
