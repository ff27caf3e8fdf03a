import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { StatusBadge } from '@/components/ui/status-badge';
import { requireAdmin } from '@/lib/auth/current-admin';
import { authTypeLabel } from '@/lib/services/auth-types';
import { getServices } from '@/lib/services/get-services';

export const metadata = { title: 'Services' };

const BASE = '/integration/service-connections/services';

export default async function ServicesPage() {
  await requireAdmin();
  const services = await getServices();
  return (
    <>
      <PageHeader
        title="Services"
        description="Kinds of Microsoft APIs, how Switchboard authenticates to them, and the scopes it asks for."
        actions={
          <Link
            href={`${BASE}/new`}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            Add Service
          </Link>
        }
      />
      <DataTable columns={['Name', 'Authentication type', 'Capabilities and Scope', 'Connections']}>
        {services.map((service) => (
          <tr key={service.id} className="border-t border-slate-100 align-top">
            <td className="px-3 py-2">
              <Link className="font-medium text-brand-700 underline" href={`${BASE}/${service.id}`}>
                {service.name}
              </Link>
              <div className="mt-1">
                {service.builtInKey ? (
                  <StatusBadge>Built-in</StatusBadge>
                ) : (
                  <StatusBadge tone="info">Added by an administrator</StatusBadge>
                )}
              </div>
            </td>
            <td className="px-3 py-2">{authTypeLabel(service.authType)}</td>
            <td className="px-3 py-2">
              <ul className="space-y-1">
                {service.capabilities.map((capability) => (
                  <li key={capability.id}>
                    <span className="font-medium">{capability.name}</span>
                    {capability.optional ? <span className="text-xs text-slate-500"> (optional)</span> : null}
                    {capability.defaultScopes !== null && capability.defaultScopes !== capability.scopes ? (
                      <span className="ml-1 rounded bg-amber-100 px-1.5 text-xs text-amber-900">edited</span>
                    ) : null}
                    : <code className="break-all text-xs">{capability.scopes}</code>
                  </li>
                ))}
              </ul>
            </td>
            <td className="px-3 py-2">{service.connectionCount}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
