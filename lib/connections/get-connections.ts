import 'server-only';
import { db } from '@/lib/db/prisma';
import type { Prisma } from '@/lib/db/generated/sqlite/client';
import { CONNECTIONS_PAGE_SIZE, type ConnectionListParams } from './list-params';
import { buildConnectionSearch } from './build-connection-search';

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

export interface ConnectionPage {
  rows: ConnectionRow[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
}

// Every order is served by an index ending in the (unique) name, which also keeps pages stable:
// name, (serviceName, name), (tenantName, name), (state, name), updatedAt.
function orderBy({ sort, direction }: ConnectionListParams): Prisma.ServiceConnectionOrderByWithRelationInput[] {
  switch (sort) {
    case 'service':
      return [{ serviceName: direction }, { name: direction }];
    case 'tenant':
      return [{ tenantName: direction }, { name: direction }];
    case 'state':
      return [{ state: direction }, { name: direction }];
    case 'updated':
      return [{ updatedAt: direction }, { name: direction }];
    default:
      return [{ name: direction }];
  }
}

async function countAll(): Promise<number> {
  // Prisma counts through a subquery that SQLite cannot answer from its b-tree counts; this is the same number.
  const rows = await db().$queryRaw<{ total: bigint | number }[]>`SELECT COUNT(*) AS "total" FROM "ServiceConnection"`;
  return Number(rows[0]?.total ?? 0);
}

/** At most LISTED candidates: read them all, sorted, by primary key; the total and the page follow without a COUNT. */
async function listedPage(params: ConnectionListParams, ids: string[], where: Prisma.ServiceConnectionWhereInput, pageSize: number): Promise<ConnectionPage> {
  const all = await db().serviceConnection.findMany({ where: { AND: [{ id: { in: ids } }, where] }, select: ROW, orderBy: orderBy(params) });
  const total = all.length;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(params.page, pages);
  return { rows: all.slice((page - 1) * pageSize, page * pageSize), total, page, pages, pageSize };
}

/** One page of the Connections list: searched, sorted and paged in the database, through indexes. */
export async function getConnections(params: ConnectionListParams & { pageSize?: number }): Promise<ConnectionPage> {
  const pageSize = params.pageSize ?? CONNECTIONS_PAGE_SIZE;
  const search = params.query ? await buildConnectionSearch(params.query) : null;
  if (search?.kind === 'none') return { rows: [], total: 0, page: 1, pages: 1, pageSize };
  if (search?.kind === 'listed') return listedPage(params, search.ids, search.where, pageSize);
  const where = search?.where ?? {};
  const filtered = Object.keys(where).length > 0;
  const fetchPage = (n: number) =>
    db().serviceConnection.findMany({ where, select: ROW, orderBy: orderBy(params), skip: (n - 1) * pageSize, take: pageSize });
  const [rows, total] = await Promise.all([fetchPage(params.page), filtered ? db().serviceConnection.count({ where }) : countAll()]);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // A bookmarked page past the end (rows were deleted since) shows the last page instead of an empty table.
  if (rows.length === 0 && params.page > pages) return { rows: await fetchPage(pages), total, page: pages, pages, pageSize };
  return { rows, total, page: params.page, pages, pageSize };
}
