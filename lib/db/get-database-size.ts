import 'server-only';
import { resolveDatabaseConfig } from './database-config';
import { db } from './prisma';

export interface DatabaseSize {
  provider: 'sqlite' | 'postgresql';
  /** What the database takes on disk (SQLite: the main file, without the write-ahead log). */
  bytes: number;
  /** SQLite: pages free inside the file, reused before it grows (given back by retention's incremental vacuum). */
  freeBytes: number | null;
}

export async function getDatabaseSize(): Promise<DatabaseSize> {
  const config = resolveDatabaseConfig();
  if (config.provider === 'postgresql') {
    const [row] = await db().$queryRawUnsafe<{ bytes: bigint | number | string }[]>(
      'SELECT pg_database_size(current_database()) AS bytes',
    );
    return { provider: 'postgresql', bytes: Number(row?.bytes ?? 0), freeBytes: null };
  }
  const [row] = await db().$queryRawUnsafe<{ pages: bigint | number; size: bigint | number; free: bigint | number }[]>(
    'SELECT p.page_count AS pages, s.page_size AS size, f.freelist_count AS free FROM pragma_page_count() p, pragma_page_size() s, pragma_freelist_count() f',
  );
  const pageSize = Number(row?.size ?? 0);
  return {
    provider: 'sqlite',
    bytes: Number(row?.pages ?? 0) * pageSize,
    freeBytes: Number(row?.free ?? 0) * pageSize,
  };
}
