import 'server-only';
import type { PreparedDelivery } from '@/lib/mail/delivery/prepare-delivery';
import type { PaceConfig, PaceLimits, PaceRoute } from '@/lib/mail/pacing/pace-limits';
import { takePacePermits } from '@/lib/mail/pacing/take-pace-permits';
import type { ClaimedMessage } from './claimed-message';
import { pacedRoute } from './paced-route';

/** How the worker paces: the limits of each kind of route, and its claims' lease (a dead worker's grants expire). */
export interface OutboxPacing {
  config: PaceConfig;
  leaseMs: number;
  /** How long a throttled mailbox pauses when Microsoft did not say (OutboxPolicy.throttleWaitMs). */
  throttleWaitMs: number;
}

export interface PacedMessages {
  /** Paced messages that may go, each with its route and grant. */
  going: Map<string, { route: PaceRoute; grantId: string }>;
  /** Paced messages that wait (given back to the queue, or no longer this worker's), with their next time if known. */
  waiting: Map<string, Date | null>;
}

/**
 * Asks each sending mailbox's pace which of this batch's claimed messages may go now (one transaction per mailbox);
 * messages on routes that are not paced are not looked at, and cost nothing here.
 */
export async function paceClaimedMessages(
  plans: { claim: ClaimedMessage; prepared: PreparedDelivery }[],
  owner: string,
  pacing: OutboxPacing,
): Promise<PacedMessages> {
  const result: PacedMessages = { going: new Map(), waiting: new Map() };
  const byMailbox = new Map<string, { route: PaceRoute; limits: PaceLimits; claims: ClaimedMessage[] }>();
  for (const { claim, prepared } of plans) {
    const paced = pacedRoute(prepared, pacing.config);
    if (!paced) continue;
    const group = byMailbox.get(paced.route.key) ?? { ...paced, claims: [] };
    group.claims.push(claim);
    byMailbox.set(paced.route.key, group);
  }
  for (const { route, limits, claims } of byMailbox.values()) {
    const decision = await takePacePermits(
      route,
      limits,
      claims.map((c) => ({ messageId: c.id, attemptId: c.attemptId ?? null })),
      owner,
      pacing.leaseMs,
    );
    for (const claim of claims) {
      const grantId = decision.granted.get(claim.id);
      if (grantId) result.going.set(claim.id, { route, grantId });
      else result.waiting.set(claim.id, decision.held.get(claim.id) ?? null);
    }
  }
  return result;
}
