import 'server-only';
import {
  type DatabaseProvider,
  postgresSchema,
  quoteIdentifier,
  resolveDatabaseConfig,
} from '@/lib/db/database-config';
import { Prisma } from '@/lib/db/generated/sqlite/client';
import { db } from '@/lib/db/prisma';
import type { BroadWord } from './build-connection-search';
import { connectionOrderColumns } from './connection-order';
import type { ConnectionListParams } from './list-params';

// The Connections search's reads in raw SQL, written so that each database answers them through indexes. Prisma
// words "has a name term" as a correlated EXISTS; in an OR with serviceId or tenantId, neither SQLite nor
// PostgreSQL can then use an index for the OR, and both read the whole table. As `id IN (term lookup)` every branch
// of a word is an index lookup of its own. Rows come back as Prisma reads them (same columns, same types).

export interface SearchTables {
  provider: DatabaseProvider;
  connections: Prisma.Sql;
  terms: Prisma.Sql;
}

/**
 * The tables, named as raw SQL must name them: on PostgreSQL in the URL's schema, because PGlite (the test fallback)
 * shares one session between connections and so ignores a per-connection search_path.
 */
export function searchTables(): SearchTables {
  const config = resolveDatabaseConfig();
  const schema = config.provider === 'postgresql' ? `${quoteIdentifier(postgresSchema(config.url))}.` : '';
  return {
    provider: config.provider,
    connections: Prisma.raw(`${schema}"ServiceConnection"`),
    terms: Prisma.raw(`${schema}"ServiceConnectionTerm"`),
  };
}

type Column = (name: string) => Prisma.Sql;
type Branch = (column: Column) => Prisma.Sql;

const indexed: Column = (name) => Prisma.raw(`c."${name}"`);
// SQLite's unary + keeps a column out of index selection and leaves its value alone.
const unindexed: Column = (name) => Prisma.raw(`+c."${name}"`);

function branchesOf({ terms, serviceIds, tenantIds }: BroadWord, tables: SearchTables): Branch[] {
  const branches: Branch[] = [];
  if (serviceIds.length > 0) branches.push((col) => Prisma.sql`${col('serviceId')} IN (${Prisma.join(serviceIds)})`);
  if (tenantIds.length > 0) branches.push((col) => Prisma.sql`${col('tenantId')} IN (${Prisma.join(tenantIds)})`);
  if (terms) {
    branches.push(
      (col) =>
        Prisma.sql`${col('id')} IN (SELECT "connectionId" FROM ${tables.terms} WHERE "term" >= ${terms.gte} AND "term" < ${terms.lt})`,
    );
  }
  return branches;
}

function matches(word: BroadWord, tables: SearchTables, column: Column): Prisma.Sql {
  const branches = branchesOf(word, tables).map((branch) => branch(column));
  return branches.length === 0 ? Prisma.raw('1 = 0') : Prisma.sql`(${Prisma.join(branches, ' OR ')})`;
}

/**
 * How many connections every word matches, exactly. The first word's branches (service, tenant, name terms) are
 * counted apart, each through its own index and without the connections an earlier branch counted, and the other
 * words filter those rows: the work follows the first word's matches, not the table. On SQLite also the table's
 * largest rowid, `size`: how many rows it holds, or has held (for choosing a plan; an index lookup, not a count).
 */
export async function countMatches(
  words: [BroadWord, ...BroadWord[]],
): Promise<{ total: number; size: number | null }> {
  const tables = searchTables();
  const [driver, ...rest] = words;
  const filters = rest.map((word) => matches(word, tables, indexed));
  const counted: Prisma.Sql[] = [];
  const parts = branchesOf(driver, tables).map((branch) => {
    const own = branch(indexed);
    const conditions = [own, ...counted.map((earlier) => Prisma.sql`NOT (${earlier})`), ...filters];
    counted.push(own);
    return Prisma.sql`(SELECT COUNT(*) FROM ${tables.connections} c WHERE ${Prisma.join(conditions, ' AND ')})`;
  });
  const largestRowid =
    tables.provider === 'sqlite' ? Prisma.sql`(SELECT MAX(rowid) FROM ${tables.connections})` : Prisma.raw('NULL');
  const rows = await db().$queryRaw<{ total: bigint | number; size: bigint | number | null }[]>`
    SELECT ${parts.length > 0 ? Prisma.join(parts, ' + ') : Prisma.raw('0')} AS "total", ${largestRowid} AS "size"`;
  const size = rows[0]?.size;
  return { total: Number(rows[0]?.total ?? 0), size: size === null || size === undefined ? null : Number(size) };
}

export interface MatchesRead<Row> {
  columns: (keyof Row & string)[];
  /** Only these connections (a search that listed its candidates). */
  ids?: string[];
  /** One page; all of them without. */
  page?: { skip: number; take: number };
  /**
   * Read the order's index and test each row, instead of SQLite's own plan (it plans without statistics): gather
   * every match through a word's index and sort them all. Walking reaches a page after a few rows when the matches
   * are a large share of the table. PostgreSQL chooses between the two from its statistics, and ignores this.
   */
  walk?: boolean;
}

/** The connections every word matches, in the list's order. */
export async function readMatches<Row>(
  words: BroadWord[],
  params: ConnectionListParams,
  read: MatchesRead<Row>,
): Promise<Row[]> {
  const tables = searchTables();
  const column = read.walk && tables.provider === 'sqlite' ? unindexed : indexed;
  const conditions = words.map((word) => matches(word, tables, column));
  if (read.ids)
    conditions.unshift(read.ids.length > 0 ? Prisma.sql`c."id" IN (${Prisma.join(read.ids)})` : Prisma.raw('1 = 0'));
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  const direction = params.direction === 'desc' ? 'DESC' : 'ASC';
  const order = Prisma.raw(
    connectionOrderColumns(params.sort)
      .map((name) => `c."${name}" ${direction}`)
      .join(', '),
  );
  const select = Prisma.raw(read.columns.map((name) => `c."${name}"`).join(', '));
  const limit = read.page ? Prisma.sql`LIMIT ${read.page.take} OFFSET ${read.page.skip}` : Prisma.empty;
  return db().$queryRaw<Row[]>`SELECT ${select} FROM ${tables.connections} c ${where} ORDER BY ${order} ${limit}`;
}
