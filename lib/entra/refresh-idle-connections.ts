import 'server-only';
import { db } from '@/lib/db/prisma';
import { logger } from '@/lib/log/logger';
import { getAccessToken } from './get-access-token';

// Entra ends a refresh token after 90 days without use. A connection that only sends a monthly report would lapse;
// refreshing every connection that has been idle for a week keeps them all alive, with a wide margin.

export const IDLE_REFRESH_AFTER_MS = 7 * 24 * 3600_000;

export async function refreshIdleConnections(now = new Date()): Promise<{ refreshed: number; failed: number }> {
  const cutoff = new Date(now.getTime() - IDLE_REFRESH_AFTER_MS);
  const idle = await db().serviceConnection.findMany({
    where: {
      state: 'authenticated',
      tokenCache: { not: null },
      OR: [{ lastRefreshAt: null }, { lastRefreshAt: { lt: cutoff } }],
    },
    select: { id: true, name: true, lastRefreshAt: true },
    take: 100,
  });
  let refreshed = 0;
  let failed = 0;
  for (const connection of idle) {
    // Claim it first, so several instances sharing the database refresh each connection once.
    const { count } = await db().serviceConnection.updateMany({
      where: { id: connection.id, lastRefreshAt: connection.lastRefreshAt },
      data: { lastRefreshAt: now },
    });
    if (count !== 1) continue;
    const result = await getAccessToken(connection.id, { forceRefresh: true });
    if (result.ok) refreshed += 1;
    else {
      failed += 1;
      logger.warn('token.idle_refresh_failed', { connection: connection.name, reason: result.reason });
    }
  }
  await db().authRequest.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
  await db().adminConsentRequest.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
  return { refreshed, failed };
}

/** Runs the idle refresh hourly in the server process. */
export function startTokenKeeper(intervalMs = 3600_000): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = refreshIdleConnections().catch((error: unknown) =>
      logger.error('token.keeper_failed', { error: (error as Error).message }),
    );
  };
  const first = setTimeout(tick, 30_000);
  const timer = setInterval(tick, intervalMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
