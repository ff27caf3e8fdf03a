import { notFound } from 'next/navigation';
import { DeleteButton } from '@/components/ui/delete-button';
import { formatDate } from '@/components/ui/format-date';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/current-admin';
import { getRobotConnectionOptions } from '@/lib/robot/get-robot-connection-options';
import { getRobotMailbox } from '@/lib/robot/get-robot-mailbox';
import { deleteRobotMailboxAction } from '../../actions';
import { RobotMailboxForm } from '../../_components/robot-mailbox-form';

export const metadata = { title: 'Edit robot mailbox' };

export default async function EditRobotMailboxPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const [mailbox, connections] = await Promise.all([getRobotMailbox(id), getRobotConnectionOptions()]);
  if (!mailbox) notFound();
  return (
    <>
      <PageHeader
        title={`Edit ${mailbox.name}`}
        description="Another connection, address or folder starts a new sync; messages already stored are not handed on again."
      />
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <RobotMailboxForm
          connections={connections}
          mailbox={{
            id: mailbox.id,
            name: mailbox.name,
            connectionId: mailbox.connectionId,
            mailboxAddress: mailbox.mailboxAddress,
            folder: mailbox.folder,
            pollIntervalSeconds: mailbox.pollIntervalSeconds,
            afterProcessing: mailbox.afterProcessing,
            moveToFolder: mailbox.moveToFolder,
            webhookUrl: mailbox.webhookUrl,
            enabled: mailbox.enabled,
            storedSecret: mailbox.webhookSecretSetAt
              ? { setOn: formatDate(mailbox.webhookSecretSetAt), hint: mailbox.webhookSecretHint }
              : null,
          }}
        />
      </div>
      <section aria-labelledby="delete-robot-mailbox" className="mt-6 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="delete-robot-mailbox" className="mb-2 text-lg font-semibold">
          Delete
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          Stops watching the mailbox and deletes the messages stored here. Nothing changes in the mailbox itself.
        </p>
        <DeleteButton
          action={deleteRobotMailboxAction}
          id={mailbox.id}
          label="Delete robot mailbox"
          question={`Delete “${mailbox.name}” and its ${mailbox.messagesSeen} stored messages?`}
        />
      </section>
    </>
  );
}
