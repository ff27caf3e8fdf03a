import 'server-only';
import { db } from '@/lib/db/prisma';

export interface RobotConnectionOption {
  id: string;
  name: string;
  authType: string;
  accountUsername: string | null;
}

/** Connections whose service asks for Microsoft Graph: the ones a robot mailbox can read through. */
export async function getRobotConnectionOptions(): Promise<RobotConnectionOption[]> {
  const rows = await db().serviceConnection.findMany({
    where: { service: { capabilities: { some: { scopes: { contains: 'graph.microsoft.com' } } } } },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, accountUsername: true, service: { select: { authType: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, authType: r.service.authType, accountUsername: r.accountUsername }));
}
