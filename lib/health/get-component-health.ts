import 'server-only';
import { db } from '@/lib/db/prisma';
import { outboxWorkerRunsHere } from '@/lib/mail/outbox/wake-outbox-worker';

// The state of the parts that can fail without making the instance unable to serve: reported to administrators and
// monitoring, never turned into a 503 (a load balancer would drop every instance because one mailbox fails).

/** A due message waiting longer than this means the workers are stuck or cannot keep up. */
export const OUTBOX_STALL_SECONDS = 300;

export interface ComponentHealth {
  outbox: { ok: boolean; workerInThisInstance: boolean; queued: number; sending: number; oldestDueSeconds: number };
  robot: {
    ok: boolean;
    enabledMailboxes: number;
    failingMailboxes: { name: string; lastError: string; since: string }[];
  };
}

export async function getComponentHealth(now = new Date()): Promise<ComponentHealth> {
  const [queued, sending, oldestDue, mailboxes] = await Promise.all([
    db().outboundMessage.count({ where: { state: 'queued' } }),
    db().outboundMessage.count({ where: { state: 'sending' } }),
    db().outboundMessage.findFirst({
      where: { state: 'queued', nextAttemptAt: { lte: now } },
      orderBy: { nextAttemptAt: 'asc' },
      select: { nextAttemptAt: true },
    }),
    db().robotMailbox.findMany({
      where: { enabled: true },
      select: { name: true, lastError: true, lastErrorAt: true, lastSuccessAt: true },
    }),
  ]);
  const oldestDueSeconds = oldestDue
    ? Math.max(0, Math.round((now.getTime() - oldestDue.nextAttemptAt.getTime()) / 1000))
    : 0;
  const failing = mailboxes
    .filter((m) => m.lastError && m.lastErrorAt && (!m.lastSuccessAt || m.lastErrorAt > m.lastSuccessAt))
    .map((m) => ({ name: m.name, lastError: m.lastError ?? '', since: (m.lastErrorAt ?? now).toISOString() }));
  return {
    outbox: {
      ok: oldestDueSeconds < OUTBOX_STALL_SECONDS,
      workerInThisInstance: outboxWorkerRunsHere(),
      queued,
      sending,
      oldestDueSeconds,
    },
    robot: { ok: failing.length === 0, enabledMailboxes: mailboxes.length, failingMailboxes: failing },
  };
}
