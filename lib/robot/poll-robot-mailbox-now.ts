import 'server-only';
import { db } from '@/lib/db/prisma';
import { claimRobotMailbox } from './claim-robot-mailbox';
import { robotOptions } from './robot-options';
import { type CycleSummary, runMailboxCycle } from './run-mailbox-cycle';

// "Poll now": makes the mailbox due at once and, when no other instance is working on it, runs the cycle right
// here so the administrator sees the outcome. When another instance holds it, that one (or the next poller tick)
// picks the request up.

export type PollNowResult =
  { ok: true; ran: true; summary: CycleSummary } | { ok: true; ran: false } | { ok: false; message: string };

export async function pollRobotMailboxNow(id: string): Promise<PollNowResult> {
  const now = new Date();
  const { count } = await db().robotMailbox.updateMany({ where: { id }, data: { nextPollAt: now, nextRunAt: now } });
  if (count === 0) return { ok: false, message: 'This robot mailbox no longer exists.' };
  const options = robotOptions();
  const claimed = await claimRobotMailbox(id, options, { manual: true });
  if (!claimed) return { ok: true, ran: false };
  try {
    return { ok: true, ran: true, summary: await runMailboxCycle(claimed.lease, claimed.mailbox, options) };
  } catch (error) {
    await claimed.lease.release({}).catch(() => false);
    throw error;
  }
}
