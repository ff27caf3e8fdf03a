import Link from 'next/link';
import {
  type ConnectionListParams,
  type ConnectionSort,
  connectionListHref,
  defaultDirection,
} from '@/lib/connections/list-params';

/** A column header that sorts by its column (again: the other way), keeping the search and going back to page 1. */
export function SortHeader({
  label,
  sort,
  params,
}: {
  label: string;
  sort: ConnectionSort;
  params: ConnectionListParams;
}) {
  const active = params.sort === sort;
  const direction = active ? (params.direction === 'asc' ? 'desc' : 'asc') : defaultDirection(sort);
  const ariaSort = active ? (params.direction === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className="px-3 py-2">
      <Link
        href={connectionListHref({ query: params.query, sort, direction, page: 1 })}
        className="inline-flex items-center gap-1 hover:underline"
      >
        {label}
        <span aria-hidden className="text-slate-400">
          {active ? (params.direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
        {active ? <span className="sr-only">(sorted {ariaSort})</span> : null}
      </Link>
    </th>
  );
}
