// What SQL would take a provider's migrations folder to the schema: the core of `npm run db:migration` and of the
// drift test. Runs the wasm schema engine: migrations are replayed on a shadow database (in-memory SQLite, or a
// throw-away PostgreSQL database on TEST_POSTGRES_URL's server) and compared with the derived provider schema.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { LOCKFILE, lockfileContent, readMigrations } from '../../lib/db/migrations-folder';
import { postgresEngineFactory, sqliteEngineFactory } from './engine-factories';
import { testPostgresUrl } from './postgres-admin';
import { deriveProviderSchema, migrationsDir, readSourceSchema, type Provider } from './provider-schema.mjs';
import { openSchemaEngine } from './wasm-engine';

export interface MigrationDiff {
  provider: Provider;
  /** True when the migrations already produce exactly the schema. */
  empty: boolean;
  /** The SQL of the missing migration (the engine's rendering, as `prisma migrate dev` would write it). */
  script: string;
}

/** The migrations folder as the schema engine wants it (the Prisma CLI builds the same structure). */
export function loadMigrationList(provider: Provider, dir: string = migrationsDir(provider)): MigrationList {
  const migrations = existsSync(dir) ? readMigrations(dir, provider) : [];
  const lockPath = join(dir, LOCKFILE);
  return {
    baseDir: dir,
    // A folder without lockfile yet (first migration) is treated as locked to this provider.
    lockfile: {
      path: LOCKFILE,
      content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : lockfileContent(provider),
    },
    shadowDbInitScript: '',
    migrationDirectories: migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.script } },
    })),
  };
}

export async function diffMigrationsToSchema(
  provider: Provider,
  options: { migrationsDir?: string; schema?: string; postgresUrl?: string } = {},
): Promise<MigrationDiff> {
  const schema = options.schema ?? deriveProviderSchema(readSourceSchema(), provider);
  const list = loadMigrationList(provider, options.migrationsDir);
  // The engine needs a main database even though `diff` only uses the shadow one: an empty temp SQLite file,
  // or the server's maintenance database (TEST_POSTGRES_URL), which is only connected to, never changed.
  const scratch = provider === 'sqlite' ? mkdtempSync(join(tmpdir(), 'switchboard-diff-')) : undefined;
  const factory = scratch
    ? sqliteEngineFactory(join(scratch, 'main.db'))
    : postgresEngineFactory(options.postgresUrl ?? testPostgresUrl());
  const engine = await openSchemaEngine(factory);
  try {
    const result = await engine.call('diff', {
      from: { tag: 'migrations', ...list },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
      script: true,
      exitCode: true, // 0: no difference, 2: difference
      filters: { externalTables: [], externalEnums: [] },
    });
    return { provider, empty: result.exitCode === 0, script: result.stdout ?? '' };
  } finally {
    await engine.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}
