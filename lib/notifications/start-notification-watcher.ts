import 'server-only';
import { logger } from '@/lib/log/logger';
import { checkNotifications } from './check-notifications';
import { retryNotificationWebhooks } from './retry-notification-webhooks';

/**
 * Looks for changes of state every `intervalMs` in this instance (the claim in checkNotifications keeps it to one),
 * and tries failed webhook calls again when they are due.
 */
export function startNotificationWatcher(intervalMs = 30_000): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => checkNotifications())
      .then(() => retryNotificationWebhooks())
      .catch((error: Error) => logger.error('notifications.check_failed', { error: error.message }));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
