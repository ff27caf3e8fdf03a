import 'server-only';
import { Gauge, type Registry } from 'prom-client';
import { db } from '@/lib/db/prisma';
import { logger } from '@/lib/log/logger';
import { OUTBOX_STATES } from '@/lib/mail/outbox/outbox-states';

// Gauges read from the database at scrape time, so every instance reports the same shared queue and none has to
// keep a copy of it in memory. A failed read leaves the gauges out of this scrape rather than failing it.

const seconds = (from: Date | null | undefined, now: number) => (from ? Math.max(0, (now - from.getTime()) / 1000) : 0);

/** Adds the gauges to the registry once; later calls find them there and do nothing. */
export function collectStoreGauges(registry: Registry): void {
  if (registry.getSingleMetric('switchboard_outbox_messages')) return;
  // The gauges of one scrape are collected together and share one read.
  let pending: Promise<void> | null = null;
  const collect = () =>
    (pending ??= read()
      .catch((error: Error) => logger.warn('metrics.store_read_failed', { error: error.message }))
      .finally(() => (pending = null)));
  const registers = [registry];
  const outboxByState = new Gauge({
    name: 'switchboard_outbox_messages',
    help: 'Outbox messages by state.',
    labelNames: ['state'],
    registers,
    collect,
  });
  const oldestQueued = new Gauge({
    name: 'switchboard_outbox_oldest_queued_seconds',
    help: 'Age of the oldest queued message (0 when none).',
    registers,
    collect,
  });
  const pendingHandoffs = new Gauge({
    name: 'switchboard_robot_pending_handoffs',
    help: 'Robot messages waiting to be handed to their webhook.',
    registers,
    collect,
  });
  const handoffLag = new Gauge({
    name: 'switchboard_robot_handoff_lag_seconds',
    help: 'Age of the oldest robot message not yet handed on (0 when none).',
    registers,
    collect,
  });
  const pollAge = new Gauge({
    name: 'switchboard_robot_last_success_age_seconds',
    help: 'Time since each enabled mailbox was last polled successfully.',
    labelNames: ['mailbox'],
    registers,
    collect,
  });

  const read = async () => {
    const now = Date.now();
    const [states, oldest, handoffs, oldestHandoff, mailboxes] = await Promise.all([
      db().outboundMessage.groupBy({ by: ['state'], _count: { _all: true } }),
      db().outboundMessage.findFirst({
        where: { state: 'queued' },
        orderBy: { createdAt: 'asc' },
        select: { createdAt: true },
      }),
      db().robotMessage.count({ where: { handoffState: 'pending' } }),
      db().robotMessage.findFirst({
        where: { handoffState: 'pending' },
        orderBy: { createdAt: 'asc' },
        select: { createdAt: true },
      }),
      db().robotMailbox.findMany({
        where: { enabled: true },
        select: { name: true, lastSuccessAt: true, createdAt: true },
      }),
    ]);
    outboxByState.reset();
    for (const state of OUTBOX_STATES)
      outboxByState.set({ state }, states.find((s) => s.state === state)?._count._all ?? 0);
    oldestQueued.set(seconds(oldest?.createdAt, now));
    pendingHandoffs.set(handoffs);
    handoffLag.set(seconds(oldestHandoff?.createdAt, now));
    pollAge.reset();
    for (const mailbox of mailboxes)
      pollAge.set({ mailbox: mailbox.name }, seconds(mailbox.lastSuccessAt ?? mailbox.createdAt, now));
  };
}
