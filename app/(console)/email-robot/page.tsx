import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { formatDateTime } from '@/components/ui/format-date';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/current-admin';
import { getRobotMailboxes } from '@/lib/robot/get-robot-mailboxes';
import { RobotStateBadge } from './_components/robot-state-badge';

export const metadata = { title: 'E-mail Robot' };

export default async function EmailRobotPage() {
  await requireAdmin();
  const mailboxes = await getRobotMailboxes();
  return (
    <>
      <PageHeader
        title="E-mail Robot"
        description="Mailboxes that Switchboard watches over Microsoft Graph, and where each new message goes. Each message is stored once, handed to the mailbox’s webhook, and only then marked as read or moved."
        actions={
          <Link
            href="/email-robot/new"
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            Add robot mailbox
          </Link>
        }
      />
      {mailboxes.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-sm text-slate-600">
          No robot mailboxes yet. Choose Add robot mailbox, pick a Microsoft 365 or Client Credentials connection, and
          the mailbox to watch. (EWS is retired in Exchange Online: the robot reads over Microsoft Graph only.)
        </p>
      ) : (
        <DataTable
          columns={[
            'Name',
            'Mailbox',
            'Folder',
            'Service Connection',
            'State',
            'Last poll',
            'Last success',
            'Messages seen',
          ]}
        >
          {mailboxes.map((m) => (
            <tr key={m.id} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2">
                <Link className="font-medium text-brand-700 underline" href={`/email-robot/${m.id}`}>
                  {m.name}
                </Link>
              </td>
              <td className="px-3 py-2">
                {m.mailboxAddress || `${m.connection.accountUsername ?? 'signed-in account'} (own)`}
              </td>
              <td className="px-3 py-2">{m.folder}</td>
              <td className="px-3 py-2">{m.connection.name}</td>
              <td className="px-3 py-2">
                <RobotStateBadge enabled={m.enabled} lastError={m.lastError} throttledUntil={m.throttledUntil} />
                {m.lastError ? (
                  <p className="mt-1 max-w-xs truncate text-xs text-red-800" title={m.lastError}>
                    {m.lastError}
                  </p>
                ) : null}
              </td>
              <td className="whitespace-nowrap px-3 py-2">{formatDateTime(m.lastPollAt)}</td>
              <td className="whitespace-nowrap px-3 py-2">{formatDateTime(m.lastSuccessAt)}</td>
              <td className="px-3 py-2">{m.messagesSeen.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
