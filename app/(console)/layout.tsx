import { redirect } from 'next/navigation';
import { ConsoleShell } from '@/components/shell/console-shell';
import { getCurrentAdmin } from '@/lib/auth/current-admin';
import { hasAdministrators } from '@/lib/auth/has-administrators';

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  if (!(await hasAdministrators())) redirect('/setup');
  const admin = await getCurrentAdmin();
  if (!admin) redirect('/login');
  return <ConsoleShell adminEmail={admin.email}>{children}</ConsoleShell>;
}
