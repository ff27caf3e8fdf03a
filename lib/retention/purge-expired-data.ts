import 'server-only';
import { db } from '@/lib/db/prisma';
import type { RetentionPolicy } from './retention-policy';

// What retention removes, in small batches: each batch is one short transaction, and the loop yields between
// batches, so the outbox keeps sending (on SQLite, other writers wait for one batch at most, never for the whole run).

export interface PurgeCounts {
  outboxBodies: number;
  outboxRecords: number;
  robotBodies: number;
  robotTombstones: number;
  auditEvents: number;
}

export interface PurgeOptions {
  now: Date;
  policy: RetentionPolicy;
  batchSize?: number;
  /** Called between batches; false stops the run (the job lost its lease or is stopping). */
  keepGoing?: () => Promise<boolean>;
}

const DAY_MS = 86_400_000;

/** A robot message whose hand-off is over; a pending one is still needed whole. */
const HANDED_ON = { not: 'pending' };

export async function purgeExpiredData(options: PurgeOptions): Promise<PurgeCounts & { complete: boolean }> {
  const { now, policy } = options;
  const take = options.batchSize ?? 200;
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const counts: PurgeCounts = { outboxBodies: 0, outboxRecords: 0, robotBodies: 0, robotTombstones: 0, auditEvents: 0 };

  /** Runs `step` on batches of ids until none is left; false when stopped before the end. */
  async function inBatches(
    find: () => Promise<{ id: string }[]>,
    step: (ids: string[]) => Promise<number>,
    key: keyof PurgeCounts,
  ) {
    for (;;) {
      const ids = (await find()).map((row) => row.id);
      if (ids.length === 0) return true;
      counts[key] += await step(ids);
      await new Promise((resolve) => setImmediate(resolve));
      if (options.keepGoing && !(await options.keepGoing())) return false;
    }
  }

  const sentBefore = (days: number) => ({ state: 'sent', sentAt: { lt: before(days) } });
  // Records first: a message old enough to be deleted need not have its body dropped first.
  const steps = [
    () =>
      inBatches(
        () => db().outboundMessage.findMany({ where: sentBefore(policy.recordDays), select: { id: true }, take }),
        async (ids) =>
          (await db().outboundMessage.deleteMany({ where: { id: { in: ids }, ...sentBefore(policy.recordDays) } }))
            .count,
        'outboxRecords',
      ),
    () =>
      inBatches(
        () =>
          db().outboundMessage.findMany({
            where: { ...sentBefore(policy.bodyDays), bodyPurgedAt: null },
            select: { id: true },
            take,
          }),
        async (ids) => {
          const where = { id: { in: ids }, ...sentBefore(policy.bodyDays), bodyPurgedAt: null };
          const [, updated] = await db().$transaction([
            db().outboundAttachment.deleteMany({ where: { messageId: { in: ids }, message: { state: 'sent' } } }),
            db().outboundMessage.updateMany({
              where,
              data: { textBody: null, htmlBody: null, rawMime: null, transportOverride: null, bodyPurgedAt: now },
            }),
          ]);
          return updated.count;
        },
        'outboxBodies',
      ),
    () =>
      inBatches(
        () =>
          db().robotMessage.findMany({
            where: { purgedAt: null, handoffState: HANDED_ON, createdAt: { lt: before(policy.recordDays) } },
            select: { id: true },
            take,
          }),
        async (ids) => {
          const where = {
            id: { in: ids },
            purgedAt: null,
            handoffState: HANDED_ON,
            createdAt: { lt: before(policy.recordDays) },
          };
          const tombstone = {
            subject: '',
            fromName: '',
            fromAddress: '',
            toRecipients: '[]',
            ccRecipients: '[]',
            attachments: '[]',
            body: '',
            mime: null,
            mimeStored: false,
            searchText: '',
            lastHandoffError: null,
            lastMailboxActionError: null,
            bodyPurgedAt: now,
            purgedAt: now,
          };
          return (await db().robotMessage.updateMany({ where, data: tombstone })).count;
        },
        'robotTombstones',
      ),
    () =>
      inBatches(
        () =>
          db().robotMessage.findMany({
            where: { bodyPurgedAt: null, handoffState: HANDED_ON, createdAt: { lt: before(policy.bodyDays) } },
            select: { id: true },
            take,
          }),
        async (ids) => {
          const where = {
            id: { in: ids },
            bodyPurgedAt: null,
            handoffState: HANDED_ON,
            createdAt: { lt: before(policy.bodyDays) },
          };
          return (
            await db().robotMessage.updateMany({
              where,
              data: { body: '', mime: null, mimeStored: false, bodyPurgedAt: now },
            })
          ).count;
        },
        'robotBodies',
      ),
    () =>
      inBatches(
        () =>
          db().auditEvent.findMany({
            where: { createdAt: { lt: before(policy.auditDays) } },
            select: { id: true },
            take,
          }),
        async (ids) => (await db().auditEvent.deleteMany({ where: { id: { in: ids } } })).count,
        'auditEvents',
      ),
  ];
  for (const step of steps) {
    if (!(await step())) return { ...counts, complete: false };
  }
  return { ...counts, complete: true };
}
