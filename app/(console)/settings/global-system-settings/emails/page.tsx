import Link from 'next/link';
import { formatDate } from '@/components/ui/format-date';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/current-admin';
import { connectionStateLabel } from '@/lib/connections/connection-states';
import { getConnectionChoices } from '@/lib/mail/settings/get-connection-choices';
import { getEmailSettings } from '@/lib/mail/settings/get-email-settings';
import { parseSmtpServer } from '@/lib/mail/settings/parse-smtp-server';
import { EmailSettingsForm } from './_components/email-settings-form';
import { initialFormValues } from './_components/initial-form-values';

export const metadata = { title: 'Emails' };

export default async function EmailsPage() {
  const admin = await requireAdmin();
  const [settings, choices] = await Promise.all([getEmailSettings(), getConnectionChoices()]);
  const initial = initialFormValues(settings, admin.email);
  const connections = choices.map((c) => ({
    id: c.id,
    name: c.name,
    stateLabel: connectionStateLabel(c.state, c.accountUsername),
    authType: c.authType,
    accountUsername: c.accountUsername,
    smtp: c.smtp,
    graph: c.graph,
    smtpTokenHosts: c.smtpTokenHosts,
    sendShared: c.sendShared,
  }));
  const savedServer = parseSmtpServer(settings?.smtpServer ?? '');
  const storedPassword =
    settings?.hasPassword && settings.passwordSetAt
      ? { setOn: formatDate(settings.passwordSetAt), hint: settings.passwordHint }
      : null;
  return (
    <>
      <PageHeader
        title="Emails"
        description={
          <>
            How Switchboard sends email: SMTP with OAuth 2.0, Microsoft Graph, or any SMTP server. Every message goes
            through the{' '}
            <Link className="underline" href="/outbox">
              Outbox
            </Link>
            ; programs send with an{' '}
            <Link className="underline" href="/settings/api-keys">
              API key
            </Link>
            .
          </>
        }
      />
      <div className="max-w-3xl rounded-lg border border-slate-200 bg-white p-6">
        <EmailSettingsForm
          initial={initial}
          connections={connections}
          storedPassword={storedPassword}
          savedSmtpHost={savedServer.ok ? savedServer.host : ''}
        />
      </div>
      {settings?.updatedAt ? (
        <p className="mt-3 text-xs text-slate-500">
          Last saved {settings.updatedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC
          {settings.updatedByEmail ? ` by ${settings.updatedByEmail}` : ''}.
        </p>
      ) : null}
    </>
  );
}
