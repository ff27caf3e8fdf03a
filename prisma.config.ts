// Configuration for the Prisma CLI. Offline, only `prisma generate` runs (through scripts/db/generate-client.mjs,
// which passes --schema itself); migrations are made by `npm run db:migration` and applied by the app at start-up.
// This file exists so that, on a machine that does have Prisma's native schema engine, `npx prisma migrate deploy`
// or `migrate status` work on the same folders and database: it picks the provider the app would use.
import { join } from 'node:path';
import { defineConfig } from 'prisma/config';

const databaseUrl = process.env.DATABASE_URL?.trim();
const provider = databaseUrl && /^postgres(?:ql)?:\/\//i.test(databaseUrl) ? 'postgresql' : 'sqlite';
// Same default as lib/db/database-config.ts (kept separate: that module creates folders as a side effect).
const sqliteUrl = databaseUrl || `file:${join(process.env.SWITCHBOARD_DATA_DIR?.trim() || 'data', 'switchboard.db')}`;

export default defineConfig({
  // Derived per provider from prisma/schema.prisma by scripts/db/generate-client.mjs (npm postinstall).
  schema: `.tmp/prisma/${provider}/schema.prisma`,
  migrations: { path: `prisma/migrations/${provider}` },
  datasource: { url: provider === 'postgresql' ? (databaseUrl ?? '') : sqliteUrl },
});
