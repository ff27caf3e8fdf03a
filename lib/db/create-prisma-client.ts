// Builds a Prisma client for the configured database (see create-database-handles.ts). No `server-only` here:
// scripts run by tsx build clients too; app code goes through `lib/db/prisma.ts`.
import { createDatabaseHandles } from './create-database-handles';
import type { DatabaseConfig } from './database-config';
import type { PrismaClient as SqlitePrismaClient } from './generated/sqlite/client';

/** The client type app code uses, whichever database is configured (see the cast in `createDatabaseHandles`). */
export type Db = SqlitePrismaClient;

/** A client alone (its direct path is opened lazily, so unused here). */
export function createPrismaClient(config: DatabaseConfig): Db {
  return createDatabaseHandles(config).client;
}
