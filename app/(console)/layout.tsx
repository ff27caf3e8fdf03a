import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { loginUrlFor, RETURN_PATH_HEADER } from '@/lib/http/login-url';
import { ConsoleShell } from '@/components/shell/console-shell';
import { EmailAlarmBanner } from '@/components/shell/email-alarm-banner';
import { ReauthBanner } from '@/components/shell/reauth-banner';
import { getConnectionsNeedingReauth } from '@/lib/connections/get-connections-needing-attention';
import { getCurrentAdmin } from '@/lib/auth/current-admin';
import { hasAdministrators } from '@/lib/auth/has-administrators';
import { getEmailAlarm } from '@/lib/notifications/get-email-alarm';

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  if (!(await hasAdministrators())) redirect('/setup');
  const admin = await getCurrentAdmin();
  if (!admin) redirect(loginUrlFor((await headers()).get(RETURN_PATH_HEADER)));
  const [reauth, emailAlarm] = await Promise.all([getConnectionsNeedingReauth(), getEmailAlarm()]);
  return (
    <ConsoleShell
      adminEmail={admin.email}
      banner={
        <>
          <EmailAlarmBanner alarm={emailAlarm} />
          <ReauthBanner {...reauth} />
        </>
      }
    >
      {children}
    </ConsoleShell>
  );
}
