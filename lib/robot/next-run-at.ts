import 'server-only';
import { db } from '@/lib/db/prisma';

// When the poller should look at a mailbox again: its next poll, its earliest hand-off retry, or its earliest mark
// or move (not before Graph may be called again: after a 429's Retry-After, or the next poll after a failure).

export async function nextRunAt(mailboxId: string, nextPollAt: Date, graphReadyAt: Date | null): Promise<Date> {
  const [handoff, action] = await Promise.all([
    db().robotMessage.findFirst({
      where: { mailboxId, handoffState: 'pending', nextHandoffAt: { not: null } },
      orderBy: { nextHandoffAt: 'asc' },
      select: { nextHandoffAt: true },
    }),
    db().robotMessage.findFirst({
      where: { mailboxId, handoffState: { in: ['delivered', 'not_configured'] }, mailboxAction: 'pending' },
      orderBy: { nextMailboxActionAt: { sort: 'asc', nulls: 'first' } },
      select: { nextMailboxActionAt: true },
    }),
  ]);
  const times = [nextPollAt.getTime()];
  if (handoff?.nextHandoffAt) times.push(handoff.nextHandoffAt.getTime());
  if (action) times.push(Math.max(action.nextMailboxActionAt?.getTime() ?? 0, graphReadyAt?.getTime() ?? 0));
  return new Date(Math.min(...times));
}
