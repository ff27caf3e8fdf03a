import 'server-only';
import { metricsRegistry } from './metrics-registry';

/** Counts what a token request came to: a token Microsoft just issued, or Microsoft's refusal. */
export function observeTokenResult(
  result: { ok: true; refreshed: boolean } | { ok: false; reason: string; error?: unknown },
): void {
  const metrics = metricsRegistry();
  if (result.ok) {
    if (result.refreshed) metrics.tokenRefreshes.inc();
  } else if (result.error !== undefined) {
    metrics.tokenRefreshFailures.inc({ reason: result.reason });
  }
}
