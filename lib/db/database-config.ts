// Which database Switchboard uses, decided once from the environment. No `server-only` here on purpose:
// `scripts/*.ts` run by tsx import this file outside Next.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ClientConfig } from 'pg';
import { securePrivateFolder } from './secure-data-files';

export type DatabaseConfig = { provider: 'sqlite'; file: string } | { provider: 'postgresql'; url: string };

export type DatabaseProvider = DatabaseConfig['provider'];

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/**
 * `DATABASE_URL=postgresql://…` (or `postgres://…`) selects PostgreSQL. Otherwise SQLite: `DATABASE_URL=file:…`
 * names the file, and without `DATABASE_URL` the file is `<SWITCHBOARD_DATA_DIR or ./data>/switchboard.db`.
 * The SQLite file's folder is created, so a fresh install starts without manual steps.
 */
export function resolveDatabaseConfig(env: Readonly<Record<string, string | undefined>> = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url && POSTGRES_URL.test(url)) {
    postgresConnectionFields(url); // fail now, at start-up, on a malformed URL
    return { provider: 'postgresql', url };
  }
  if (url && !url.startsWith('file:')) {
    // Only the scheme is echoed: the rest of a URL may hold a password.
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? 'a value without a scheme';
    throw new Error(
      `DATABASE_URL must start with postgresql://, postgres:// or file: (got ${scheme}); ` +
        'leave DATABASE_URL unset to use SQLite in SWITCHBOARD_DATA_DIR.',
    );
  }
  let file: string;
  let dataFolder: string | undefined;
  if (url) {
    // `file:./x.db` (relative to the working directory, i.e. the project root) or `file:/abs/x.db`;
    // a query string (`?mode=…`) means nothing to better-sqlite3 and is dropped.
    const path = decodeURIComponent(
      url
        .slice('file:'.length)
        .replace(/^\/\/(?=\/)/, '')
        .split('?')[0] ?? '',
    );
    if (!path) throw new Error('DATABASE_URL=file: names no file');
    file = resolve(path);
  } else {
    dataFolder = resolve(/* turbopackIgnore: true */ env.SWITCHBOARD_DATA_DIR?.trim() || 'data');
    file = join(dataFolder, 'switchboard.db');
  }
  // The data folder is Switchboard's own: private (0700), even when an older version created it open. A folder
  // named by DATABASE_URL=file: may be shared with other things, so only the folders created here are private.
  if (dataFolder) securePrivateFolder(dataFolder);
  else mkdirSync(resolve(file, '..'), { recursive: true, mode: 0o700 });
  return { provider: 'sqlite', file };
}

/**
 * A PostgreSQL URL split into the separate fields `pg` accepts. Always pass these, never `connectionString`:
 * in a `pg` config the connection string wins over a `database` field, which made Prisma's shadow database
 * silently point at the main database (see /work/shared/OFFLINE.md).
 */
export function postgresConnectionFields(url: string): ClientConfig {
  let parsed: URL;
  try {
    if (!POSTGRES_URL.test(url)) throw new Error('wrong scheme');
    parsed = new URL(url);
  } catch {
    // Not echoing the URL: it may hold a password.
    throw new Error('Not a valid postgresql:// URL (check DATABASE_URL or TEST_POSTGRES_URL).');
  }
  const params = parsed.searchParams;
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || undefined;
  const fields: ClientConfig = {
    // `?host=/var/run/postgresql` is libpq's way to name a Unix socket directory.
    host: params.get('host') ?? (decodeURIComponent(parsed.hostname.replace(/^\[|\]$/g, '')) || 'localhost'),
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username) || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    database,
  };
  const sslmode = params.get('sslmode');
  if (sslmode && sslmode !== 'disable' && sslmode !== 'prefer' && sslmode !== 'allow') {
    // `require` encrypts without checking the certificate, as libpq does; `verify-*` checks it.
    fields.ssl = { rejectUnauthorized: sslmode.startsWith('verify') };
  }
  const appName = params.get('application_name');
  if (appName) fields.application_name = appName;
  const schema = postgresSchema(url);
  // Unqualified names in raw SQL then resolve in that schema too (the Prisma client qualifies its own queries).
  if (schema !== 'public') fields.options = `-c search_path=${quoteIdentifier(schema)}`;
  return fields;
}

/**
 * The PostgreSQL schema (namespace) Switchboard's tables live in: Prisma's `?schema=` URL parameter, else
 * `public`. Honoured by the client (PrismaPg `schema` option) and the migrator alike.
 */
export function postgresSchema(url: string): string {
  return new URL(url).searchParams.get('schema') || 'public';
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
