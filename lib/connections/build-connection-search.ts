import 'server-only';
import { db } from '@/lib/db/prisma';
import type { Prisma } from '@/lib/db/generated/sqlite/client';
import { matchesWordPrefix, queryWords, termPrefixRange } from './search-terms';

// How the Connections search stays proportional to what it finds rather than to the table. Each typed word is
// resolved, through indexes only, to the ids of the connections it matches: names through ServiceConnectionTerm's
// primary key, services and tenants (few, matched in memory) through the serviceId and tenantId indexes. The words'
// id sets are intersected here, and the list then reads just those rows by primary key. Every lookup stops after
// LISTED + 1 rows and follows its index's order, so none of them sorts or scans. A word that matches more connections
// than that ("mailbox" in every name) is kept as a filter instead; when every word is that broad, the list is an
// indexed filter over what is, by then, a large share of the table anyway.

export const LISTED = 200;

interface Named {
  id: string;
  name: string;
}

export type ConnectionSearch =
  /** Nothing can match. */
  | { kind: 'none' }
  /** At most LISTED connections: these, further filtered by `where`. */
  | { kind: 'listed'; ids: string[]; where: Prisma.ServiceConnectionWhereInput }
  /** Too many to list: filter with `where`. */
  | { kind: 'filter'; where: Prisma.ServiceConnectionWhereInput };

type WordMatch = { ids: string[] } | { broad: Prisma.ServiceConnectionWhereInput } | 'none' | 'all';

async function matchWord(word: string, services: Named[], tenants: Named[]): Promise<WordMatch> {
  const serviceIds = services.filter((s) => matchesWordPrefix(s.name, word)).map((s) => s.id);
  const tenantIds = tenants.filter((t) => matchesWordPrefix(t.name, word)).map((t) => t.id);
  // In every service's or every tenant's name ("microsoft"): it matches every connection, so it selects nothing.
  if ((services.length > 0 && serviceIds.length === services.length) || (tenants.length > 0 && tenantIds.length === tenants.length)) return 'all';
  const range = termPrefixRange(word);
  const take = LISTED + 1;
  const [byName, byService, byTenant] = await Promise.all([
    db().serviceConnectionTerm.findMany({ where: { term: range }, select: { connectionId: true }, take }),
    serviceIds.length === 0 ? [] : db().serviceConnection.findMany({ where: { serviceId: { in: serviceIds } }, select: { id: true }, orderBy: { serviceId: 'asc' }, take }),
    tenantIds.length === 0 ? [] : db().serviceConnection.findMany({ where: { tenantId: { in: tenantIds } }, select: { id: true }, orderBy: { tenantId: 'asc' }, take }),
  ]);
  const ids = new Set([...byName.map((t) => t.connectionId), ...byService.map((c) => c.id), ...byTenant.map((c) => c.id)]);
  if (ids.size === 0) return 'none';
  if (byName.length < take && byService.length < take && byTenant.length < take && ids.size <= LISTED) return { ids: [...ids] };
  const or: Prisma.ServiceConnectionWhereInput[] = [];
  if (byName.length > 0) or.push({ searchTerms: { some: { term: range } } });
  if (serviceIds.length > 0) or.push({ serviceId: { in: serviceIds } });
  if (tenantIds.length > 0) or.push({ tenantId: { in: tenantIds } });
  return { broad: or.length === 1 ? (or[0] ?? {}) : { OR: or } };
}

/** What a search box query matches: every word must start a word of the name, the service's or the tenant's. */
export async function buildConnectionSearch(query: string): Promise<ConnectionSearch> {
  const words = queryWords(query);
  if (words.length === 0) return { kind: 'filter', where: {} };
  // Services and tenants are few enough to match in memory, once per search.
  const [services, tenants] = await Promise.all([
    db().service.findMany({ select: { id: true, name: true } }),
    db().tenant.findMany({ select: { id: true, name: true } }),
  ]);
  const matches = await Promise.all(words.map((word) => matchWord(word, services, tenants)));
  const idSets: string[][] = [];
  const filters: Prisma.ServiceConnectionWhereInput[] = [];
  for (const match of matches) {
    if (match === 'none') return { kind: 'none' };
    if (match === 'all') continue;
    if ('broad' in match) filters.push(match.broad);
    else idSets.push(match.ids);
  }
  const [first, ...others] = idSets;
  const listed = first ? others.reduce((kept, ids) => kept.filter(Set.prototype.has, new Set(ids)), first) : null;
  if (listed?.length === 0) return { kind: 'none' };
  const where: Prisma.ServiceConnectionWhereInput = filters.length === 0 ? {} : filters.length === 1 ? (filters[0] ?? {}) : { AND: filters };
  return listed ? { kind: 'listed', ids: listed, where } : { kind: 'filter', where };
}
