import 'server-only';
import { db } from '@/lib/db/prisma';
import type { PaceRoute } from './pace-limits';

/**
 * Microsoft throttled this sending mailbox (429, 432 4.3.2): nothing more is sent through it until `until` (a later
 * pause already set is kept). Other mailboxes go on.
 */
export async function pauseMailbox(route: PaceRoute, until: Date, reason: string): Promise<void> {
  const moved = await db().mailboxPace.updateMany({
    where: { paceKey: route.key, pausedUntil: { lt: until } },
    data: { pausedUntil: until, pauseReason: reason.slice(0, 1000) },
  });
  if (moved.count > 0) return;
  try {
    await db().mailboxPace.create({
      data: { paceKey: route.key, pausedUntil: until, pauseReason: reason.slice(0, 1000) },
    });
  } catch (error) {
    // Already paused at least as long (by another worker): nothing to do.
    if ((error as { code?: string }).code !== 'P2002') throw error;
  }
}
