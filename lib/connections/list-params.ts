// The Connections list's state lives in the URL (?q=&sort=&dir=&page=), so a view can be bookmarked and shared.
// Universal: parsed by the page, built by its links.

import { choiceOf, pageNumberOf, type RawParam, searchTextOf } from '@/lib/http/list-params';

export const CONNECTION_SORTS = ['name', 'service', 'tenant', 'state', 'updated'] as const;
export type ConnectionSort = (typeof CONNECTION_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

export interface ConnectionListParams {
  page: number;
  query?: string;
  sort: ConnectionSort;
  direction: SortDirection;
}

export const CONNECTIONS_PAGE_SIZE = 25;

type RawParams = Record<string, RawParam>;

/** Newest first is the natural order for "updated"; A to Z for the others. */
export function defaultDirection(sort: ConnectionSort): SortDirection {
  return sort === 'updated' ? 'desc' : 'asc';
}

export function parseConnectionListParams(raw: RawParams): ConnectionListParams {
  const sort = choiceOf(raw.sort, CONNECTION_SORTS, 'name');
  const direction = choiceOf<SortDirection>(raw.dir, ['asc', 'desc'], defaultDirection(sort));
  const page = pageNumberOf(raw.page);
  const query = searchTextOf(raw.q) || undefined;
  return { page, query, sort, direction };
}

export function connectionListHref(params: Partial<ConnectionListParams>): string {
  const search = new URLSearchParams();
  if (params.query) search.set('q', params.query);
  if (params.sort && params.sort !== 'name') search.set('sort', params.sort);
  if (params.sort && params.direction && params.direction !== defaultDirection(params.sort))
    search.set('dir', params.direction);
  if (params.page && params.page > 1) search.set('page', String(params.page));
  const text = search.toString();
  return `/integration/service-connections/connections${text ? `?${text}` : ''}`;
}
