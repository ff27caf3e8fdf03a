import 'server-only';
import { db } from '@/lib/db/prisma';
import type { TokenPath } from '@/lib/entra/token-paths';

export interface ConnectionTokenPath {
  path: TokenPath;
  /** The mailbox the path acts on, when one is configured. */
  mailbox: string | null;
}

/**
 * The ways a connection's tokens are used now, so Test judges a token by what its users need: the Emails settings
 * (SMTP or Graph, with their mailbox) and the E-mail Robot's mailboxes (Graph, read and file). Composition: the
 * features' rows are read together here, as connection-usages does.
 */
export async function connectionTokenPaths(connectionId: string): Promise<ConnectionTokenPath[]> {
  const [settings, robot] = await Promise.all([
    db().emailSettings.findFirst({ where: { connectionId }, select: { connectionType: true, mailboxAddress: true } }),
    db().robotMailbox.findFirst({
      where: { connectionId },
      orderBy: { name: 'asc' },
      select: { mailboxAddress: true },
    }),
  ]);
  const paths: ConnectionTokenPath[] = [];
  if (settings)
    paths.push({
      path: settings.connectionType === 'graph' ? 'graph-send' : 'smtp-send',
      mailbox: settings.mailboxAddress || null,
    });
  if (robot) paths.push({ path: 'robot', mailbox: robot.mailboxAddress || null });
  return paths;
}
