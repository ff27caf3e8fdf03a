import 'server-only';
import { db } from '@/lib/db/prisma';
import { freeLease } from '@/lib/db/row-lease';
import { logger } from '@/lib/log/logger';
import { observeRobotCycle } from './observe-robot-cycle';
import { claimRobotMailbox } from './claim-robot-mailbox';
import { type RobotOptions, robotOptions } from './robot-options';
import { runMailboxCycle } from './run-mailbox-cycle';

// The E-mail Robot's background loop, started once by server.ts: every few seconds it looks for mailboxes whose
// time has come, claims each with a lease (so instances sharing PostgreSQL never work on one mailbox together),
// and runs a cycle on it. A few mailboxes are worked on at once; a slow one does not hold up the others.

export interface RobotPollerOptions extends Partial<RobotOptions> {
  /** How often to look for due mailboxes. */
  tickMs?: number;
  /** Mailboxes worked on at the same time by this instance. */
  concurrency?: number;
}

export interface RobotPoller {
  stop(): Promise<void>;
}

export function startRobotPoller(overrides: RobotPollerOptions = {}): RobotPoller {
  const { tickMs = 2000, concurrency = 4, ...rest } = overrides;
  const options = robotOptions(rest);
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  async function tick(): Promise<void> {
    const free = concurrency - running.size;
    if (free <= 0) return;
    const now = new Date();
    const due = await db().robotMailbox.findMany({
      where: { enabled: true, nextRunAt: { lte: now }, ...freeLease(now), id: { notIn: [...running.keys()] } },
      orderBy: { nextRunAt: 'asc' },
      take: free,
      select: { id: true },
    });
    for (const { id } of due) {
      if (stopped) return;
      const claimed = await claimRobotMailbox(id, options);
      if (!claimed) continue;
      const work = runMailboxCycle(claimed.lease, claimed.mailbox, options)
        .then(observeRobotCycle)
        .catch(async (error: unknown) => {
          logger.error('robot.cycle_failed', {
            mailboxId: id,
            error: (error as Error).message,
            stack: (error as Error).stack,
          });
          // Give the mailbox up so it is retried at its next poll rather than after the lease runs out.
          await claimed.lease
            .release({ nextRunAt: new Date(Date.now() + claimed.mailbox.pollIntervalSeconds * 1000) })
            .catch(() => false);
        })
        .finally(() => running.delete(id));
      running.set(id, work);
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      tick()
        .catch((error: unknown) => logger.error('robot.tick_failed', { error: (error as Error).message }))
        .finally(schedule);
    }, tickMs);
    timer.unref();
  }

  logger.info('robot.started', { owner: options.owner, tickMs, concurrency });
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.allSettled([...running.values()]);
    },
  };
}
