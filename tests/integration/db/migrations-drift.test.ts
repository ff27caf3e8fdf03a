// (d) The committed migrations are exactly the schema, per provider, as judged by Prisma's own schema engine
// (WebAssembly build): editing prisma/schema.prisma without `npm run db:migration -- <name>` fails here, with the
// missing SQL in the message. Also checks that the engine accepts the runtime migrator's bookkeeping.
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../lib/db/apply-migrations';
import { sqliteEngineFactory, postgresEngineFactory } from '../../../scripts/db/engine-factories';
import { diffMigrationsToSchema, loadMigrationList } from '../../../scripts/db/migration-diff';
import { deriveProviderSchema, readSourceSchema } from '../../../scripts/db/provider-schema.mjs';
import { openSchemaEngine } from '../../../scripts/db/wasm-engine';
import { freshDatabaseForEngine, type FreshDatabase } from './fresh-database';
import { queryRows } from './query';

const PROVIDERS = ['sqlite', 'postgresql'] as const;
const filters = { externalTables: [], externalEnums: [] };

const databases: FreshDatabase[] = [];
afterAll(async () => {
  for (const database of databases) await database.cleanup();
});

describe.each(PROVIDERS)('%s migrations', (provider) => {
  it('match prisma/schema.prisma exactly', async () => {
    const diff = await diffMigrationsToSchema(provider);
    const hint =
      `prisma/migrations/${provider} does not produce prisma/schema.prisma. Run \`npm run db:migration -- <name>\` ` +
      `and commit the new folders. SQL the ${provider} migrations are missing:\n\n${diff.script}`;
    expect(diff.empty, hint).toBe(true);
  });

  it('would be caught if the schema changed without a migration', async () => {
    const schema = deriveProviderSchema(readSourceSchema(), provider).replace(
      /model Tenant \{/,
      'model Tenant {\n  driftProbe String?',
    );
    const diff = await diffMigrationsToSchema(provider, { schema });
    expect(diff.empty).toBe(false);
    expect(diff.script).toMatch(/ALTER TABLE "Tenant" ADD COLUMN\s+"driftProbe" TEXT/);
  });

  it('leave a database the schema engine sees as fully migrated (what `prisma migrate deploy` checks)', async () => {
    const database = await freshDatabaseForEngine(provider);
    databases.push(database);
    await applyMigrations(database.config);
    const factory =
      database.config.provider === 'sqlite'
        ? sqliteEngineFactory(database.config.file)
        : postgresEngineFactory(database.config.url);
    const engine = await openSchemaEngine(factory);
    try {
      const diagnosis = await engine.call('diagnoseMigrationHistory', {
        migrationsList: loadMigrationList(provider),
        optInToShadowDatabase: false,
        filters,
      });
      expect(diagnosis).toEqual({
        editedMigrationNames: [],
        failedMigrationNames: [],
        hasMigrationsTable: true,
        history: null,
      });
    } finally {
      await engine.close();
    }
  });

  it('accept a database migrated by the schema engine itself', async () => {
    const database = await freshDatabaseForEngine(provider);
    databases.push(database);
    const factory =
      database.config.provider === 'sqlite'
        ? sqliteEngineFactory(database.config.file)
        : postgresEngineFactory(database.config.url);
    const engine = await openSchemaEngine(factory);
    let appliedByEngine: string[];
    try {
      const result = await engine.call('applyMigrations', { migrationsList: loadMigrationList(provider), filters });
      appliedByEngine = result.appliedMigrationNames;
    } finally {
      await engine.close();
    }
    expect(appliedByEngine.length).toBeGreaterThan(0);
    expect(await applyMigrations(database.config)).toEqual({ applied: [] });
    const rows = await queryRows<{ migration_name: string }>(
      database.config,
      'SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((row) => row.migration_name)).toEqual([...appliedByEngine].sort());
  });
});
