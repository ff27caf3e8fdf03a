import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { loginUrlFor, RETURN_PATH_HEADER } from '@/lib/http/login-url';
import { ConsoleShell } from '@/components/shell/console-shell';
import { ReauthBanner } from '@/components/shell/reauth-banner';
import { getConnectionsNeedingReauth } from '@/lib/connections/get-connections-needing-attention';
import { getCurrentAdmin } from '@/lib/auth/current-admin';
import { hasAdministrators } from '@/lib/auth/has-administrators';

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  if (!(await hasAdministrators())) redirect('/setup');
  const admin = await getCurrentAdmin();
  if (!admin) redirect(loginUrlFor((await headers()).get(RETURN_PATH_HEADER)));
  const reauth = await getConnectionsNeedingReauth();
  return (
    <ConsoleShell adminEmail={admin.email} banner={<ReauthBanner {...reauth} />}>
      {children}
    </ConsoleShell>
  );
}
