import 'server-only';
import { resolveDatabaseConfig } from '@/lib/db/database-config';
import { db } from '@/lib/db/prisma';

export interface SpaceGivenBack {
  /** 'incremental': pages were given back; 'reused': the file predates incremental vacuum, free pages are reused. */
  mode: 'incremental' | 'reused' | 'not-sqlite';
  pages: number;
}

/**
 * Gives the pages retention freed back to the file system, a few at a time (each step holds the write lock for a
 * moment only, so senders are not held up). Files created before Switchboard set auto_vacuum=INCREMENTAL keep their
 * size: SQLite reuses their free pages for new rows, so they stop growing (the README says how to convert one).
 */
export async function giveBackSqliteSpace(
  options: { pagesPerStep?: number; maxSteps?: number; keepGoing?: () => Promise<boolean> } = {},
): Promise<SpaceGivenBack> {
  if (resolveDatabaseConfig().provider !== 'sqlite') return { mode: 'not-sqlite', pages: 0 };
  const [mode] = await db().$queryRawUnsafe<{ auto_vacuum: bigint | number }[]>('PRAGMA auto_vacuum');
  if (Number(mode?.auto_vacuum) !== 2) return { mode: 'reused', pages: 0 };
  const freePages = async () =>
    Number(
      (await db().$queryRawUnsafe<{ freelist_count: bigint | number }[]>('PRAGMA freelist_count'))[0]?.freelist_count ??
        0,
    );
  const step = options.pagesPerStep ?? 256;
  const start = await freePages();
  for (let i = 0; i < (options.maxSteps ?? 1000); i++) {
    if ((await freePages()) === 0) break;
    await db().$queryRawUnsafe(`PRAGMA incremental_vacuum(${Math.floor(step)})`);
    await new Promise((resolve) => setImmediate(resolve));
    if (options.keepGoing && !(await options.keepGoing())) break;
  }
  return { mode: 'incremental', pages: start - (await freePages()) };
}
