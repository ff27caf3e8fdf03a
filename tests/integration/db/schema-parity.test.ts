// (a) The two migration histories build the same schema: an empty SQLite file and an empty PostgreSQL database,
// migrated by the runtime migrator, must have the same tables, columns, keys, indexes and foreign keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../lib/db/apply-migrations';
import { freshDatabase, type FreshDatabase } from './fresh-database';
import { introspectPostgres, introspectSqlite, type Structure } from './introspect';

describe('SQLite and PostgreSQL migrations produce the same schema', () => {
  let sqlite: FreshDatabase;
  let postgres: FreshDatabase;
  let fromSqlite: Structure;
  let fromPostgres: Structure;

  beforeAll(async () => {
    sqlite = await freshDatabase('sqlite');
    postgres = await freshDatabase('postgresql');
    await applyMigrations(sqlite.config);
    await applyMigrations(postgres.config);
    if (sqlite.config.provider !== 'sqlite' || postgres.config.provider !== 'postgresql')
      throw new Error('unreachable');
    fromSqlite = introspectSqlite(sqlite.config.file);
    fromPostgres = await introspectPostgres(postgres.config.url);
  });

  afterAll(async () => {
    await sqlite?.cleanup();
    await postgres?.cleanup();
  });

  it('has the schema at all (guards against comparing two empty databases)', () => {
    expect(Object.keys(fromSqlite.tables)).toEqual(
      expect.arrayContaining(['Administrator', 'Session', 'AuditEvent', 'Service', 'Tenant', 'ServiceConnection']),
    );
    expect(Object.keys(fromSqlite.foreignKeys).length).toBeGreaterThan(0);
  });

  it('same tables and columns (name, nullability, default present, type family)', () => {
    expect(Object.keys(fromPostgres.tables).sort()).toEqual(Object.keys(fromSqlite.tables).sort());
    for (const [table, expected] of Object.entries(fromSqlite.tables)) {
      expect(fromPostgres.tables[table]?.columns, `columns of ${table}`).toEqual(expected.columns);
      expect(fromPostgres.tables[table]?.primaryKey, `primary key of ${table}`).toEqual(expected.primaryKey);
    }
    const unknownTypes = Object.values(fromSqlite.tables)
      .flatMap((t) => Object.values(t.columns))
      .filter((c) => c.type.startsWith('unknown'));
    expect(unknownTypes).toEqual([]);
  });

  it('same indexes and unique constraints', () => {
    expect(fromPostgres.indexes).toEqual(fromSqlite.indexes);
  });

  it('same foreign keys with the same referential actions', () => {
    expect(fromPostgres.foreignKeys).toEqual(fromSqlite.foreignKeys);
  });
});
