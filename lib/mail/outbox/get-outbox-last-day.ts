import 'server-only';
import { db } from '@/lib/db/prisma';

const DAY_MS = 86_400_000;

/** The last 24 hours of the outbox: what was sent, what failed, and the latest failures with their answers. */
export async function getOutboxLastDay(now: Date = new Date()) {
  const since = new Date(now.getTime() - DAY_MS);
  const [sent, failed, latestFailures] = await Promise.all([
    db().outboundMessage.count({ where: { state: 'sent', sentAt: { gte: since } } }),
    db().outboundMessage.count({ where: { state: 'failed', failedAt: { gte: since } } }),
    db().outboundMessage.findMany({
      where: { state: 'failed', failedAt: { gte: since } },
      orderBy: { failedAt: 'desc' },
      take: 5,
      select: { id: true, subject: true, toRecipients: true, lastError: true, failedAt: true },
    }),
  ]);
  return { sent, failed, latestFailures };
}
