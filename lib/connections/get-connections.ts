import 'server-only';
import { resolveDatabaseConfig } from '@/lib/db/database-config';
import { db } from '@/lib/db/prisma';
import type { Prisma } from '@/lib/db/generated/sqlite/client';
import { CONNECTIONS_PAGE_SIZE, type ConnectionListParams } from './list-params';
import { type BroadWord, buildConnectionSearch, matchesBroadWord } from './build-connection-search';
import { connectionOrderColumns } from './connection-order';
import { countMatches, readMatches, searchTables } from './search-sql';

const ROW = {
  id: true,
  name: true,
  state: true,
  accountUsername: true,
  tokenExpiresAt: true,
  lastRefreshAt: true,
  updatedAt: true,
  serviceId: true,
  serviceName: true,
  tenantId: true,
  tenantName: true,
} as const satisfies Prisma.ServiceConnectionSelect;

export type ConnectionRow = Prisma.ServiceConnectionGetPayload<{ select: typeof ROW }>;

const COLUMNS = Object.keys(ROW) as (keyof ConnectionRow)[];

export interface ConnectionPage {
  rows: ConnectionRow[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
}

// A match SQLite gathers through a word's index and sorts costs about as much as four rows read along the order's
// index (measured at 10,000 connections): walking the index wins while it reads fewer than four rows per match.
const GATHERED_ROW_COST = 4;

function orderBy({ sort, direction }: ConnectionListParams): Prisma.ServiceConnectionOrderByWithRelationInput[] {
  return connectionOrderColumns(sort).map((column) => ({ [column]: direction }));
}

async function countAll(): Promise<number> {
  // Prisma counts through a subquery that SQLite cannot answer from its b-tree counts; this is the same number.
  const rows = await db().$queryRaw<
    { total: bigint | number }[]
  >`SELECT COUNT(*) AS "total" FROM ${searchTables().connections}`;
  return Number(rows[0]?.total ?? 0);
}

const pagesOf = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

/**
 * At most LISTED candidates: read them all, sorted, by primary key, and keep those the broad words match too (in
 * memory: as conditions, the broad words' indexes could lead the query instead of the ids). The total and the page
 * follow without a COUNT.
 */
async function listedPage(
  params: ConnectionListParams,
  ids: string[],
  words: BroadWord[],
  pageSize: number,
): Promise<ConnectionPage> {
  const candidates = await readMatches<ConnectionRow>([], params, { columns: COLUMNS, ids });
  const all = candidates.filter((row) => words.every((word) => matchesBroadWord(row, word)));
  const total = all.length;
  const pages = pagesOf(total, pageSize);
  const page = Math.min(params.page, pages);
  return { rows: all.slice((page - 1) * pageSize, page * pageSize), total, page, pages, pageSize };
}

/**
 * Every word broad. PostgreSQL counts and reads the page at once. SQLite counts first: the share of the table that
 * matches decides whether walking the order's index or sorting the matches reaches the page sooner.
 */
async function broadPage(
  params: ConnectionListParams,
  words: [BroadWord, ...BroadWord[]],
  pageSize: number,
): Promise<ConnectionPage> {
  const read = (page: number, walk?: boolean) =>
    readMatches<ConnectionRow>(words, params, {
      columns: COLUMNS,
      page: { skip: (page - 1) * pageSize, take: pageSize },
      walk,
    });
  if (resolveDatabaseConfig().provider === 'postgresql') {
    const [rows, { total }] = await Promise.all([read(params.page), countMatches(words)]);
    const pages = pagesOf(total, pageSize);
    // A bookmarked page past the end (rows were deleted since) shows the last page instead of an empty table.
    if (rows.length === 0 && params.page > pages)
      return { rows: await read(pages), total, page: pages, pages, pageSize };
    return { rows, total, page: params.page, pages, pageSize };
  }
  const { total, size } = await countMatches(words);
  const pages = pagesOf(total, pageSize);
  const page = Math.min(params.page, pages);
  if (total === 0) return { rows: [], total, page, pages, pageSize };
  // Rows read along the order's index until the page is full, if matches are spread evenly, against rows sorted.
  const walkedRows = (page * pageSize * (size ?? total)) / total;
  return { rows: await read(page, walkedRows <= GATHERED_ROW_COST * total), total, page, pages, pageSize };
}

/** One page of the Connections list: searched, sorted and paged in the database, through indexes. */
export async function getConnections(params: ConnectionListParams & { pageSize?: number }): Promise<ConnectionPage> {
  const pageSize = params.pageSize ?? CONNECTIONS_PAGE_SIZE;
  const search = params.query ? await buildConnectionSearch(params.query) : null;
  if (search?.kind === 'none') return { rows: [], total: 0, page: 1, pages: 1, pageSize };
  if (search?.kind === 'listed') return listedPage(params, search.ids, search.words, pageSize);
  const [word, ...words] = search?.words ?? [];
  if (word) return broadPage(params, [word, ...words], pageSize);
  const fetchPage = (n: number) =>
    db().serviceConnection.findMany({
      select: ROW,
      orderBy: orderBy(params),
      skip: (n - 1) * pageSize,
      take: pageSize,
    });
  const [rows, total] = await Promise.all([fetchPage(params.page), countAll()]);
  const pages = pagesOf(total, pageSize);
  // A bookmarked page past the end (rows were deleted since) shows the last page instead of an empty table.
  if (rows.length === 0 && params.page > pages)
    return { rows: await fetchPage(pages), total, page: pages, pages, pageSize };
  return { rows, total, page: params.page, pages, pageSize };
}
