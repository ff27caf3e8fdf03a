import type { StoredMessage } from '../store/mail-types';
import { graphErrors } from './graph-error';

// The slice of OData query options mail clients use: $select, $top, $skip, $orderby and a $filter made of
// comparisons on isRead, hasAttachments, isDraft, importance, subject and the date properties, joined by `and`.

export function readSelect(params: URLSearchParams): string[] | undefined {
  const value = params.get('$select');
  return value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
}

export function readCount(params: URLSearchParams, name: '$top' | '$skip', fallback: number): number {
  const value = params.get(name);
  if (value === null) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw graphErrors.invalidRequest(`Invalid value '${value}' for query option ${name}.`);
  return number;
}

/** Prefer: odata.maxpagesize=N */
export function preferredPageSize(prefer: string | undefined, fallback: number): number {
  const match = /odata\.maxpagesize=(\d+)/i.exec(prefer ?? '');
  return match ? Math.max(1, Number(match[1])) : fallback;
}

export function prefersText(prefer: string | undefined): boolean {
  return /outlook\.body-content-type\s*=\s*"?text"?/i.test(prefer ?? '');
}

type Comparable = string | number | boolean;

const PROPERTIES: Record<string, (m: StoredMessage) => Comparable> = {
  isread: (m) => m.isRead,
  hasattachments: (m) => m.attachments.some((a) => !a.isInline),
  isdraft: (m) => m.isDraft,
  importance: (m) => m.importance,
  subject: (m) => m.subject,
  receiveddatetime: (m) => Date.parse(m.receivedDateTime),
  sentdatetime: (m) => Date.parse(m.sentDateTime ?? m.receivedDateTime),
  lastmodifieddatetime: (m) => Date.parse(m.lastModifiedDateTime),
  'from/emailaddress/address': (m) => m.from?.address ?? '',
};

function literal(text: string): Comparable {
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^'.*'$/.test(text)) return text.slice(1, -1).replace(/''/g, "'").toLowerCase();
  const date = Date.parse(text);
  if (!Number.isNaN(date)) return date;
  throw graphErrors.invalidFilter();
}

const COMPARE: Record<string, (a: Comparable, b: Comparable) => boolean> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
};

export function compileFilter(filter: string | null): (m: StoredMessage) => boolean {
  if (!filter) return () => true;
  const clauses = filter.split(/\s+and\s+/i).map((clause) => {
    const match = /^\(?\s*([\w/]+)\s+(eq|ne|gt|ge|lt|le)\s+(.+?)\s*\)?$/i.exec(clause.trim());
    const read = match ? PROPERTIES[(match[1] ?? '').toLowerCase()] : undefined;
    const compare = match ? COMPARE[(match[2] ?? '').toLowerCase()] : undefined;
    if (!match || !read || !compare) throw graphErrors.invalidFilter();
    const expected = literal(match[3] ?? '');
    return (m: StoredMessage) => {
      const actual = read(m);
      return compare(typeof actual === 'string' ? actual.toLowerCase() : actual, expected);
    };
  });
  return (m) => clauses.every((test) => test(m));
}

export function compileOrderBy(orderBy: string | null): (a: StoredMessage, b: StoredMessage) => number {
  const [property = 'receivedDateTime', direction = 'desc'] = (orderBy ?? 'receivedDateTime desc').trim().split(/\s+/);
  const read = PROPERTIES[property.toLowerCase()];
  if (!read)
    throw graphErrors.invalidRequest(
      `Could not find a property named '${property}' on type 'microsoft.graph.message'.`,
    );
  const sign = direction.toLowerCase() === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = read(a);
    const y = read(b);
    return x === y ? 0 : (x > y ? 1 : -1) * sign;
  };
}
