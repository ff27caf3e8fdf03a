import { formatDateTime } from '@/components/ui/format-date';
import { DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { StatusBadge } from '@/components/ui/status-badge';
import { getApiKeys } from '@/lib/api-keys/get-api-keys';
import { requireAdmin } from '@/lib/auth/current-admin';
import { CreateApiKeyForm } from './_components/create-api-key-form';
import { RevokeApiKeyButton } from './_components/revoke-api-key-button';

export const metadata = { title: 'API keys' };

export default async function ApiKeysPage() {
  await requireAdmin();
  const keys = await getApiKeys();
  return (
    <>
      <PageHeader
        title="API keys"
        description="Programs send email through Switchboard with POST /api/v1/messages and one of these keys; they never hold a Microsoft credential. A key is shown once; Switchboard keeps only its hash."
      />
      <section aria-labelledby="new-key" className="mb-6 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="new-key" className="mb-4 text-lg font-semibold">
          Create API key
        </h2>
        <CreateApiKeyForm />
      </section>
      <DataTable columns={['Name', 'Key', 'Created', 'Last used', 'Status', { label: 'Actions', hidden: true }]}>
        {keys.length === 0 ? (
          <tr>
            <td colSpan={6} className="px-3 py-6 text-center text-slate-500">
              No API keys yet.
            </td>
          </tr>
        ) : null}
        {keys.map((key) => (
          <tr key={key.id} className="border-t border-slate-100">
            <td className="px-3 py-2">{key.name}</td>
            <td className="px-3 py-2 font-mono text-xs">{key.prefix}…</td>
            <td className="px-3 py-2">
              {formatDateTime(key.createdAt)}
              {key.createdByEmail ? <span className="block text-xs text-slate-500">{key.createdByEmail}</span> : null}
            </td>
            <td className="px-3 py-2">{formatDateTime(key.lastUsedAt)}</td>
            <td className="px-3 py-2">
              {key.revokedAt ? (
                <StatusBadge tone="neutral">Revoked {formatDateTime(key.revokedAt)}</StatusBadge>
              ) : (
                <StatusBadge tone="success">Active</StatusBadge>
              )}
            </td>
            <td className="px-3 py-2">{key.revokedAt ? null : <RevokeApiKeyButton id={key.id} name={key.name} />}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
