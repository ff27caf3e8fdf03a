import Link from 'next/link';
import { formatDateTime } from '@/components/ui/format-date';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { requireAdmin } from '@/lib/auth/current-admin';
import { getConnections } from '@/lib/connections/get-connections';
import { connectionListHref, parseConnectionListParams } from '@/lib/connections/list-params';
import { getServiceOptions } from '@/lib/services/get-service-options';
import { ConnectionStateBadge } from './_components/connection-state-badge';
import { SortHeader } from './_components/sort-header';

export const metadata = { title: 'Connections' };

const BASE = '/integration/service-connections/connections';

export default async function ConnectionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
  const params = parseConnectionListParams(await searchParams);
  const [{ rows, total, page, pages }, services] = await Promise.all([getConnections(params), getServiceOptions()]);
  const applicationServices = new Set(services.filter((s) => s.authType === 'application').map((s) => s.id));
  const hrefFor = (p: number) => connectionListHref({ ...params, page: p });

  return (
    <>
      <PageHeader
        title="Connections"
        description="Service connections combine a service and a tenant with the account that signed in."
        actions={
          <Link
            href={`${BASE}/new`}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            Add Service Connection
          </Link>
        }
      />
      <form className="mb-4 flex flex-wrap gap-2" role="search" action={BASE}>
        <label htmlFor="connections-q" className="sr-only">
          Search connections
        </label>
        <input
          id="connections-q"
          name="q"
          type="search"
          defaultValue={params.query}
          placeholder="Search by connection, service or tenant name"
          className="w-full max-w-sm rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
        {params.sort !== 'name' ? <input type="hidden" name="sort" value={params.sort} /> : null}
        {params.direction !== (params.sort === 'updated' ? 'desc' : 'asc') ? (
          <input type="hidden" name="dir" value={params.direction} />
        ) : null}
        <button className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">Search</button>
        {params.query ? (
          <Link
            href={connectionListHref({ sort: params.sort, direction: params.direction })}
            className="self-center text-sm underline"
          >
            Clear
          </Link>
        ) : null}
      </form>
      <p className="mb-2 text-sm text-slate-600" role="status">
        {total === 1 ? '1 connection' : `${total.toLocaleString('en-US')} connections`}
        {params.query ? ` match “${params.query}”` : ''}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-sm text-slate-600">
          {params.query
            ? 'No connection matches. Search looks for words that start with what you type.'
            : 'No connections yet. Choose Add Service Connection to create the first.'}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <thead className="bg-slate-100 text-xs uppercase text-slate-600">
              <tr>
                <SortHeader label="Name" sort="name" params={params} />
                <SortHeader label="Service" sort="service" params={params} />
                <SortHeader label="Tenant" sort="tenant" params={params} />
                <SortHeader label="State" sort="state" params={params} />
                <th scope="col" className="px-3 py-2">
                  Token expires
                </th>
                <th scope="col" className="px-3 py-2">
                  Last refresh
                </th>
                <SortHeader label="Updated" sort="updated" params={params} />
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">
                    <Link className="font-medium text-brand-700 underline" href={`${BASE}/${row.id}`}>
                      {row.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{row.serviceName}</td>
                  <td className="px-3 py-2">{row.tenantName}</td>
                  <td className="px-3 py-2">
                    <ConnectionStateBadge
                      state={row.state}
                      accountUsername={row.accountUsername}
                      application={
                        applicationServices.has(row.serviceId) ? { verifiedAt: row.lastRefreshAt } : undefined
                      }
                    />
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{formatDateTime(row.tokenExpiresAt)}</td>
                  <td className="whitespace-nowrap px-3 py-2">{formatDateTime(row.lastRefreshAt)}</td>
                  <td className="whitespace-nowrap px-3 py-2">{formatDateTime(row.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pages={pages} hrefFor={hrefFor} />
    </>
  );
}
