import 'server-only';
import { db } from '@/lib/db/prisma';

export interface GettingStartedStep {
  key: 'tenant' | 'connection' | 'authentication' | 'emails' | 'test-email';
  title: string;
  description: string;
  href: string;
  done: boolean;
}

const CONNECTIONS = '/integration/service-connections/connections';

/**
 * The first hour, in the order the guides take it: a tenant, a connection on it, a working sign-in (or a verified
 * application token), the Emails settings turned on, and one test email delivered. Each step is ticked by what is
 * stored, so it stays right whichever page the administrator did it on.
 */
export async function getGettingStarted(): Promise<GettingStartedStep[]> {
  const [tenants, connections, authenticated, settings, testSent] = await Promise.all([
    db().tenant.count(),
    db().serviceConnection.count(),
    db().serviceConnection.findFirst({ where: { state: 'authenticated' }, select: { id: true } }),
    db().emailSettings.findUnique({ where: { id: 'global' }, select: { enabled: true } }),
    db().outboundMessage.findFirst({ where: { source: 'test', state: 'sent' }, select: { id: true } }),
  ]);
  return [
    {
      key: 'tenant',
      title: 'Add a tenant',
      description: 'The Entra ID app registration: Tenant ID, Client ID and Client Secret.',
      href: '/integration/service-connections/tenants/new',
      done: tenants > 0,
    },
    {
      key: 'connection',
      title: 'Add a Service Connection',
      description: 'A service (Exchange SMTP, Graph, Microsoft 365 …) on that tenant.',
      href: `${CONNECTIONS}/new`,
      done: connections > 0,
    },
    {
      key: 'authentication',
      title: 'Setup Authentication',
      description: 'Sign the mailbox in on the connection (or Test a client-credentials connection).',
      href: CONNECTIONS,
      done: authenticated !== null,
    },
    {
      key: 'emails',
      title: 'Set up Emails',
      description: 'Settings → Global System Settings → Emails: how mail leaves, turned on.',
      href: '/settings/global-system-settings/emails',
      done: settings?.enabled === true,
    },
    {
      key: 'test-email',
      title: 'Send a test email',
      description: 'Send test email on the Emails page, and see it delivered.',
      href: '/settings/global-system-settings/emails',
      done: testSent !== null,
    },
  ];
}
