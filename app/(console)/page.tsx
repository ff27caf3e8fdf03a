import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/current-admin';
import { ConnectionsSummary } from './_components/start/connections-summary';
import { DatabaseSummary } from './_components/start/database-summary';
import { EmailAlarmSummary } from './_components/start/email-alarm-summary';
import { ExpiringSecrets } from './_components/start/expiring-secrets';
import { GettingStarted } from './_components/start/getting-started';
import { OutboxSummary } from './_components/start/outbox-summary';
import { RobotSummary } from './_components/start/robot-summary';

export const metadata = { title: 'Start' };

// The start page: how things stand. Each section reads its own data, so another one is one more line here.
export default async function StartPage() {
  await requireAdmin();
  return (
    <>
      <PageHeader
        title="Start"
        description="How Switchboard stands: connections, client secrets, the outbox, the E-mail Robot and the database."
      />
      <div className="space-y-4">
        <EmailAlarmSummary />
        <GettingStarted />
        <div className="grid gap-4 lg:grid-cols-2">
          <ConnectionsSummary />
          <ExpiringSecrets />
          <OutboxSummary />
          <RobotSummary />
          <DatabaseSummary />
        </div>
      </div>
    </>
  );
}
