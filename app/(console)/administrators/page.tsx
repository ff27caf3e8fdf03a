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
      <PageHeader title="Administrators" description="People who can sign in to this console. Disabling someone ends their sessions at once." />
      <div className="mb-8 overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-left text-sm">
          <thead className="bg-slate-100 text-xs uppercase text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">Name</th>
              <th scope="col" className="px-3 py-2">Email</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">Last sign-in</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {admins.map((admin) => (
              <tr key={admin.id} className="border-t border-slate-100">
                <td className="px-3 py-2">{admin.name}{admin.id === me.id ? <span className="ml-2 text-xs text-slate-500">(you)</span> : null}</td>
                <td className="px-3 py-2">{admin.email}</td>
                <td className="px-3 py-2">{admin.disabledAt ? <span className="rounded bg-slate-200 px-2 py-0.5 text-xs">Disabled</span> : <span className="rounded bg-green-100 px-2 py-0.5 text-xs text-green-800">Active</span>}</td>
                <td className="px-3 py-2">{formatDateTime(admin.lastLoginAt)}</td>
                <td className="px-3 py-2">{admin.id === me.id ? null : <ToggleAdministratorButton id={admin.id} disabled={Boolean(admin.disabledAt)} email={admin.email} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="add-admin" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="add-admin" className="mb-4 text-lg font-semibold">Add administrator</h2>
        <AddAdministratorForm />
      </section>
    </>
  );
}
