import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { postgresConnectionFields, postgresSchema, resolveDatabaseConfig } from './database-config';

describe('resolveDatabaseConfig', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('selects PostgreSQL for postgresql:// and postgres:// URLs', () => {
    for (const url of ['postgresql://u:p@db:5432/app', 'postgres://u@db/app', 'POSTGRESQL://u@db/app']) {
      expect(resolveDatabaseConfig({ DATABASE_URL: url })).toEqual({ provider: 'postgresql', url });
    }
  });

  it('defaults to SQLite in SWITCHBOARD_DATA_DIR, creating the folder', () => {
    const base = mkdtempSync(join(tmpdir(), 'switchboard-config-'));
    dirs.push(base);
    const dataDir = join(base, 'nested', 'data');
    expect(resolveDatabaseConfig({ SWITCHBOARD_DATA_DIR: dataDir })).toEqual({
      provider: 'sqlite',
      file: join(dataDir, 'switchboard.db'),
    });
    expect(statSync(dataDir).isDirectory()).toBe(true);
  });

  it('defaults to ./data/switchboard.db without any variable', () => {
    expect(resolveDatabaseConfig({})).toEqual({ provider: 'sqlite', file: resolve('data', 'switchboard.db') });
  });

  it('accepts file: URLs for SQLite', () => {
    const base = mkdtempSync(join(tmpdir(), 'switchboard-config-'));
    dirs.push(base);
    expect(resolveDatabaseConfig({ DATABASE_URL: `file:${base}/x/app.db` })).toEqual({
      provider: 'sqlite',
      file: join(base, 'x', 'app.db'),
    });
    expect(resolveDatabaseConfig({ DATABASE_URL: `file://${base}/app.db?mode=rwc` })).toEqual({
      provider: 'sqlite',
      file: join(base, 'app.db'),
    });
  });

  it('rejects any other DATABASE_URL, naming the variable but not echoing the value', () => {
    expect(() => resolveDatabaseConfig({ DATABASE_URL: 'mysql://root:secret@db/app' })).toThrow(/DATABASE_URL.*mysql:/);
    expect(() => resolveDatabaseConfig({ DATABASE_URL: 'mysql://root:secret@db/app' })).not.toThrow(/secret/);
    expect(() => resolveDatabaseConfig({ DATABASE_URL: 'postgresql://u:secret@db:port/app' })).toThrow(/DATABASE_URL/);
  });
});

describe('postgresConnectionFields', () => {
  it('splits a URL into separate fields (never a connectionString)', () => {
    expect(postgresConnectionFields('postgresql://us%40er:p%2Fss@db.example:6543/my%20db?sslmode=require')).toEqual({
      host: 'db.example',
      port: 6543,
      user: 'us@er',
      password: 'p/ss',
      database: 'my db',
      ssl: { rejectUnauthorized: false },
    });
    expect(postgresConnectionFields('postgresql://postgres@127.0.0.1/test')).toMatchObject({
      host: '127.0.0.1',
      port: 5432,
      user: 'postgres',
      password: undefined,
      database: 'test',
    });
    expect(postgresConnectionFields('postgresql:///app?host=/var/run/postgresql').host).toBe('/var/run/postgresql');
  });

  it("honours Prisma's ?schema= parameter", () => {
    expect(postgresSchema('postgresql://u@db/app')).toBe('public');
    expect(postgresSchema('postgresql://u@db/app?schema=tenant_a')).toBe('tenant_a');
    expect(postgresConnectionFields('postgresql://u@db/app?schema=tenant_a').options).toBe('-c search_path="tenant_a"');
    expect(postgresConnectionFields('postgresql://u@db/app').options).toBeUndefined();
  });
});
