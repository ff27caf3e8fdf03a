import { DataTable } from '@/components/ui/data-table';
import { formatDateTime } from '@/components/ui/format-date';
import { PageHeader } from '@/components/ui/page-header';
import { StatusBadge } from '@/components/ui/status-badge';
import { requireAdmin } from '@/lib/auth/current-admin';
import { getNotificationLog } from '@/lib/notifications/get-notification-log';
import { getNotificationSettings } from '@/lib/notifications/get-notification-settings';
import { NotificationSettingsForm } from './_components/notification-settings-form';

const OUTCOME_LABELS: Record<string, string> = {
  queued: 'In the outbox',
  delivered: 'Delivered',
  retrying: 'Retrying',
  failed: 'Failed',
};

export const metadata = { title: 'Notifications' };

export default async function NotificationsPage() {
  await requireAdmin();
  const [settings, log] = await Promise.all([getNotificationSettings(), getNotificationLog()]);
  const secretText = settings.hasWebhookSecret
    ? `Secret set on ${formatDateTime(settings.webhookSecretSetAt)}${settings.webhookSecretHint ? `, ends ••••${settings.webhookSecretHint}` : ''}`
    : null;
  return (
    <>
      <PageHeader
        title="Notifications"
        description="Switchboard tells administrators once when something changes state: a connection needs re-authentication or works again, a client secret expires in 60, 30 or 7 days or has expired, outbox messages failed or wait too long, a robot mailbox keeps failing."
      />
      <section aria-labelledby="channels" className="mb-6 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="channels" className="mb-4 text-lg font-semibold">
          Channels
        </h2>
        <NotificationSettingsForm
          initial={{
            emailEnabled: settings.emailEnabled,
            emailRecipients: settings.emailRecipients.join(', '),
            webhookEnabled: settings.webhookEnabled,
            webhookUrl: settings.webhookUrl,
            secretText,
          }}
        />
      </section>
      <h2 className="mb-2 text-lg font-semibold">Sent notifications</h2>
      <DataTable columns={['When', 'Event', 'Subject', 'Channel', 'Sent to', 'Outcome']}>
        {log.length === 0 ? (
          <tr>
            <td colSpan={6} className="px-3 py-6 text-center text-slate-500">
              No notification sent yet.
            </td>
          </tr>
        ) : null}
        {log.map((entry) => (
          <tr key={entry.id} className="border-t border-slate-100">
            <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(entry.createdAt)}</td>
            <td className="px-3 py-2 font-mono text-xs">{entry.event}</td>
            <td className="px-3 py-2">{entry.subject}</td>
            <td className="px-3 py-2">{entry.channel === 'email' ? 'Email' : 'Webhook'}</td>
            <td className="px-3 py-2">{entry.target}</td>
            <td className="px-3 py-2">
              <StatusBadge
                tone={entry.outcome === 'failed' ? 'danger' : entry.outcome === 'retrying' ? 'warning' : 'success'}
              >
                {OUTCOME_LABELS[entry.outcome] ?? entry.outcome}
              </StatusBadge>
              {entry.detail ? <span className="block text-xs text-slate-500">{entry.detail}</span> : null}
              {entry.outcome === 'retrying' && entry.nextAttemptAt ? (
                <span className="block text-xs text-slate-500">Next try {formatDateTime(entry.nextAttemptAt)}</span>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
