import type { PreparedDelivery } from '@/lib/mail/delivery/prepare-delivery';
import type { PaceConfig, PaceLimits, PaceRoute } from '@/lib/mail/pacing/pace-limits';

/** The route a prepared delivery is paced on under `config`, or null (not a paced route). */
export function pacedRoute(
  prepared: PreparedDelivery,
  config: PaceConfig,
): { route: PaceRoute; limits: PaceLimits } | null {
  if (!prepared.ok || !prepared.pace) return null;
  const limits = config[prepared.pace.kind];
  return limits ? { route: prepared.pace, limits } : null;
}
