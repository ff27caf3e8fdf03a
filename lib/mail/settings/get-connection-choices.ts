import 'server-only';
import { db } from '@/lib/db/prisma';
import { splitScopes } from '@/lib/entra/oauth-scopes';
import { connectionCapabilities, type MailCapabilities } from './connection-capabilities';

export interface ConnectionChoice {
  id: string;
  name: string;
  state: string;
  accountUsername: string | null;
  authType: 'delegated' | 'application';
  capabilities: MailCapabilities;
}

/** Every connection that can send mail one way or the other, for the Service Connection select. */
export async function getConnectionChoices(): Promise<ConnectionChoice[]> {
  const rows = await db().serviceConnection.findMany({
    orderBy: { name: 'asc' },
    take: 500,
    select: {
      id: true,
      name: true,
      state: true,
      accountUsername: true,
      grantedScopes: true,
      service: { select: { authType: true, capabilities: { select: { scopes: true } } } },
    },
  });
  return rows
    .map((row) => {
      const authType = row.service.authType === 'application' ? ('application' as const) : ('delegated' as const);
      const scopes = row.grantedScopes && authType === 'delegated' ? splitScopes(row.grantedScopes) : row.service.capabilities.flatMap((c) => splitScopes(c.scopes));
      return { id: row.id, name: row.name, state: row.state, accountUsername: row.accountUsername, authType, capabilities: connectionCapabilities(authType, scopes) };
    })
    .filter((choice) => choice.capabilities.smtp || choice.capabilities.graph);
}
