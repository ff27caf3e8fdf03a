import 'server-only';
import { db } from '@/lib/db/prisma';

/** One robot mailbox for its page: settings, state, and whether a webhook secret is set (never the secret). */
export async function getRobotMailbox(id: string) {
  const row = await db().robotMailbox.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      connectionId: true,
      mailboxAddress: true,
      folder: true,
      pollIntervalSeconds: true,
      afterProcessing: true,
      moveToFolder: true,
      webhookUrl: true,
      webhookSecretHint: true,
      webhookSecretSetAt: true,
      enabled: true,
      nextPollAt: true,
      leaseUntil: true,
      throttledUntil: true,
      lastPollAt: true,
      lastSuccessAt: true,
      messagesSeen: true,
      lastError: true,
      lastErrorExplanation: true,
      lastErrorAt: true,
      cursor: true,
      connection: {
        select: { id: true, name: true, accountUsername: true, state: true, service: { select: { authType: true } } },
      },
    },
  });
  if (!row) return null;
  const [pendingHandoffs, pendingActions] = await Promise.all([
    db().robotMessage.count({ where: { mailboxId: id, handoffState: 'pending' } }),
    db().robotMessage.count({ where: { mailboxId: id, mailboxAction: 'pending' } }),
  ]);
  const { cursor, ...rest } = row;
  return { ...rest, synced: Boolean(cursor), pendingHandoffs, pendingActions };
}
