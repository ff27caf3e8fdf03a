import 'server-only';
import type { ConnectionUsage } from '@/lib/connections/connection-usages';
import { db } from '@/lib/db/prisma';

/** The Emails settings as a user of a connection, so the connection cannot be deleted while mail goes through it. */
export async function emailSettingsUsages(connectionId: string): Promise<ConnectionUsage[]> {
  const row = await db().emailSettings.findFirst({ where: { connectionId }, select: { connectionType: true } });
  if (!row) return [];
  const name = row.connectionType === 'graph' ? 'Outbound mail through Microsoft Graph' : 'Outbound mail through SMTP (OAuth 2.0)';
  return [{ feature: 'Email settings', name, href: '/settings/global-system-settings/emails' }];
}
