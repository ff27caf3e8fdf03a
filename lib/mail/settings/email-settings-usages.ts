import 'server-only';
import type { ConnectionUsage } from '@/lib/connections/connection-usages';
import { db } from '@/lib/db/prisma';
import { transportKindOf } from '@/lib/mail/transports/transport-forms';
import { TRANSPORT_KINDS } from '@/lib/mail/transports/transport-kinds';

/** The Emails settings as a user of a connection, so the connection cannot be deleted while mail goes through it. */
export async function emailSettingsUsages(connectionId: string): Promise<ConnectionUsage[]> {
  const href = '/settings/global-system-settings/emails';
  const row = await db().emailSettings.findFirst({ where: { connectionId }, select: { connectionType: true } });
  const fallback = await db().emailSettings.findFirst({
    where: { graphFallbackConnectionId: connectionId },
    select: { id: true },
  });
  return [
    ...(row
      ? [{ feature: 'Email settings', name: TRANSPORT_KINDS[transportKindOf(row.connectionType)].usage, href }]
      : []),
    ...(fallback ? [{ feature: 'Email settings', name: 'Graph fall-back connection', href }] : []),
  ];
}
