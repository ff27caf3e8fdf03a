import 'server-only';
import { db } from '@/lib/db/prisma';
import { Prisma } from '@/lib/db/generated/sqlite/client';
import { matchesWordPrefix, queryWords, termPrefixRange, termsOfName } from './search-terms';
import { type SearchTables, searchTables } from './search-sql';

// How the Connections search stays proportional to what it finds rather than to the table. Each typed word is
// resolved, through indexes only, to the ids of the connections it matches: names through ServiceConnectionTerm's
// primary key, services and tenants (few, matched in memory) through the serviceId and tenantId indexes. The words'
// id sets are intersected here, and the list then reads just those rows by primary key. Every lookup stops after
// LISTED + 1 index entries, so none of them sorts or scans (raw SQL: Prisma would build an object per row). A word
// that matches more connections than that ("mailbox" in every name) is kept as a filter instead, a BroadWord; when
// every word is that broad, the list is an indexed filter over what is, by then, a large share of the table anyway
// (search-sql.ts).

export const LISTED = 200;

interface Named {
  id: string;
  name: string;
}

/** A word matching more than LISTED connections: those with a name term in `terms`, or of these services or tenants. */
export interface BroadWord {
  terms: { gte: string; lt: string } | null;
  serviceIds: string[];
  tenantIds: string[];
}

export type ConnectionSearch =
  /** Nothing can match. */
  | { kind: 'none' }
  /** At most LISTED connections: those of these that every one of `words` matches too. */
  | { kind: 'listed'; ids: string[]; words: BroadWord[] }
  /** Too many to list: the connections every one of these words matches (all of them when there are none). */
  | { kind: 'filter'; words: BroadWord[] };

type WordMatch = { ids: string[] } | { broad: BroadWord } | 'none' | 'all';

/** The first LISTED + 1 connection ids an index lookup finds: reading further would only tell "more than LISTED". */
async function firstIds(lookup: Prisma.Sql): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`${lookup} LIMIT ${LISTED + 1}`;
  return rows.map((row) => row.id);
}

interface Lookups {
  tables: SearchTables;
  /** One lookup per distinct set of services or tenants: "graph api" names one service twice. */
  done: Map<string, Promise<string[]>>;
}

function connectionsOf({ tables, done }: Lookups, column: 'serviceId' | 'tenantId', ids: string[]): Promise<string[]> {
  if (ids.length === 0) return Promise.resolve([]);
  const key = `${column}:${ids.join(',')}`;
  let found = done.get(key);
  if (!found) {
    found = firstIds(
      Prisma.sql`SELECT "id" FROM ${tables.connections} WHERE ${Prisma.raw(`"${column}"`)} IN (${Prisma.join(ids)})`,
    );
    done.set(key, found);
  }
  return found;
}

async function matchWord(word: string, services: Named[], tenants: Named[], lookups: Lookups): Promise<WordMatch> {
  const serviceIds = services.filter((s) => matchesWordPrefix(s.name, word)).map((s) => s.id);
  const tenantIds = tenants.filter((t) => matchesWordPrefix(t.name, word)).map((t) => t.id);
  // In every service's or every tenant's name ("microsoft"): it matches every connection, so it selects nothing.
  if (
    (services.length > 0 && serviceIds.length === services.length) ||
    (tenants.length > 0 && tenantIds.length === tenants.length)
  )
    return 'all';
  const range = termPrefixRange(word);
  const [byName, byService, byTenant] = await Promise.all([
    firstIds(
      Prisma.sql`SELECT "connectionId" AS "id" FROM ${lookups.tables.terms} WHERE "term" >= ${range.gte} AND "term" < ${range.lt}`,
    ),
    connectionsOf(lookups, 'serviceId', serviceIds),
    connectionsOf(lookups, 'tenantId', tenantIds),
  ]);
  const ids = new Set([...byName, ...byService, ...byTenant]);
  if (ids.size === 0) return 'none';
  if (byName.length <= LISTED && byService.length <= LISTED && byTenant.length <= LISTED && ids.size <= LISTED)
    return { ids: [...ids] };
  return { broad: { terms: byName.length > 0 ? range : null, serviceIds, tenantIds } };
}

/** Whether a connection read from the database matches a broad word: decided as the indexes decide it. */
export function matchesBroadWord(
  row: { name: string; serviceId: string; tenantId: string },
  { terms, serviceIds, tenantIds }: BroadWord,
): boolean {
  if (serviceIds.includes(row.serviceId) || tenantIds.includes(row.tenantId)) return true;
  return terms !== null && termsOfName(row.name).some((term) => term >= terms.gte && term < terms.lt);
}

/** What a search box query matches: every word must start a word of the name, the service's or the tenant's. */
export async function buildConnectionSearch(query: string): Promise<ConnectionSearch> {
  const words = queryWords(query);
  if (words.length === 0) return { kind: 'filter', words: [] };
  // Services and tenants are few enough to match in memory, once per search.
  const [services, tenants] = await Promise.all([
    db().service.findMany({ select: { id: true, name: true } }),
    db().tenant.findMany({ select: { id: true, name: true } }),
  ]);
  const lookups: Lookups = { tables: searchTables(), done: new Map() };
  const matches = await Promise.all(words.map((word) => matchWord(word, services, tenants, lookups)));
  const idSets: string[][] = [];
  const broad = new Map<string, BroadWord>();
  for (const match of matches) {
    if (match === 'none') return { kind: 'none' };
    if (match === 'all') continue;
    // Words that match the same connections the same way ("graph api": one service, in no name) filter once.
    if ('broad' in match) broad.set(JSON.stringify(match.broad), match.broad);
    else idSets.push(match.ids);
  }
  const [first, ...others] = idSets;
  const listed = first ? others.reduce((kept, ids) => kept.filter(Set.prototype.has, new Set(ids)), first) : null;
  if (listed?.length === 0) return { kind: 'none' };
  return listed
    ? { kind: 'listed', ids: listed, words: [...broad.values()] }
    : { kind: 'filter', words: [...broad.values()] };
}
