import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/current-admin';
import { getRobotConnectionOptions } from '@/lib/robot/get-robot-connection-options';
import { RobotMailboxForm } from '../_components/robot-mailbox-form';

export const metadata = { title: 'Add robot mailbox' };

export default async function NewRobotMailboxPage() {
  await requireAdmin();
  const connections = await getRobotConnectionOptions();
  return (
    <>
      <PageHeader
        title="Add robot mailbox"
        description="The mailbox to watch, the Service Connection that opens it, and where its new messages go."
      />
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <RobotMailboxForm connections={connections} />
      </div>
    </>
  );
}
