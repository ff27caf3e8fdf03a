import { DataTable } from '@/components/ui/data-table';
import { formatDateTime } from '@/components/ui/format-date';
import { PageHeader } from '@/components/ui/page-header';
import { getAdministrators } from '@/lib/administrators/get-administrators';
import { requireAdmin } from '@/lib/auth/current-admin';
import { AddAdministratorForm } from './_components/add-administrator-form';
import { ToggleAdministratorButton } from './_components/toggle-administrator-button';

export const metadata = { title: 'Administrators' };

export default async function AdministratorsPage() {
  const me = await requireAdmin();
  const admins = await getAdministrators();
  return (
    <>
      <PageHeader
        title="Administrators"
        description="People who can sign in to this console. Disabling someone ends their sessions at once."
      />
      <DataTable
        className="mb-8"
        columns={['Name', 'Email', 'Status', 'Last sign-in', { label: 'Actions', hidden: true }]}
      >
        {admins.map((admin) => (
          <tr key={admin.id} className="border-t border-slate-100">
            <td className="px-3 py-2">
              {admin.name}
              {admin.id === me.id ? <span className="ml-2 text-xs text-slate-500">(you)</span> : null}
            </td>
            <td className="px-3 py-2">{admin.email}</td>
            <td className="px-3 py-2">
              {admin.disabledAt ? (
                <span className="rounded bg-slate-200 px-2 py-0.5 text-xs">Disabled</span>
              ) : (
                <span className="rounded bg-green-100 px-2 py-0.5 text-xs text-green-800">Active</span>
              )}
            </td>
            <td className="px-3 py-2">{formatDateTime(admin.lastLoginAt)}</td>
            <td className="px-3 py-2">
              {admin.id === me.id ? null : (
                <ToggleAdministratorButton id={admin.id} disabled={Boolean(admin.disabledAt)} email={admin.email} />
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <section aria-labelledby="add-admin" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="add-admin" className="mb-4 text-lg font-semibold">
          Add administrator
        </h2>
        <AddAdministratorForm />
      </section>
    </>
  );
}
