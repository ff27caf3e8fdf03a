import 'server-only';
import type { ConnectionUsage } from '@/lib/connections/connection-usages';
import { db } from '@/lib/db/prisma';

/** The robot mailboxes that read mail through a connection: it cannot be deleted while they exist. */
export async function robotMailboxUsages(connectionId: string): Promise<ConnectionUsage[]> {
  const mailboxes = await db().robotMailbox.findMany({
    where: { connectionId },
    orderBy: { name: 'asc' },
    select: { id: true, name: true },
  });
  return mailboxes.map((m) => ({ feature: 'E-mail Robot', name: m.name, href: `/email-robot/${m.id}` }));
}
