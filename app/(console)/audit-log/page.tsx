import { formatDateTime } from '@/components/ui/format-date';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { requireAdmin } from '@/lib/auth/current-admin';
import { getAuditEvents } from '@/lib/audit/get-audit-events';
import { pageNumberOf, searchTextOf } from '@/lib/http/list-params';

export const metadata = { title: 'Audit log' };

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string | string[]; q?: string | string[] }>;
}) {
  await requireAdmin();
  const params = await searchParams;
  const page = pageNumberOf(params.page);
  const query = searchTextOf(params.q) || undefined;
  const { events, total, pages } = await getAuditEvents({ page, query });
  const hrefFor = (p: number) =>
    `/audit-log?${new URLSearchParams({ ...(query ? { q: query } : {}), page: String(p) })}`;

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every administrator action: who, when, what and from where. Secret values are never recorded."
      />
      <form className="mb-4 flex gap-2" role="search">
        <label htmlFor="audit-q" className="sr-only">
          Search the audit log
        </label>
        <input
          id="audit-q"
          name="q"
          defaultValue={query}
          placeholder="Search by person, action or text"
          className="w-full max-w-sm rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        <button className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">Search</button>
      </form>
      <p className="mb-2 text-sm text-slate-600">{total} events</p>
      <DataTable columns={['When', 'Who', 'Action', 'What', 'From']}>
        {events.map((event) => (
          <tr key={event.id} className="border-t border-slate-100 align-top">
            <td className="whitespace-nowrap px-3 py-2">{formatDateTime(event.createdAt)}</td>
            <td className="px-3 py-2">{event.actorEmail ?? 'system'}</td>
            <td className="whitespace-nowrap px-3 py-2">
              <code>{event.action}</code>
              {event.outcome === 'failure' ? (
                <span className="ml-2 rounded bg-red-100 px-1.5 text-xs text-red-800">failed</span>
              ) : null}
            </td>
            <td className="px-3 py-2">{event.summary}</td>
            <td className="whitespace-nowrap px-3 py-2">{event.ipAddress ?? '—'}</td>
          </tr>
        ))}
      </DataTable>
      <Pager page={page} pages={pages} hrefFor={hrefFor} />
    </>
  );
}
