import 'server-only';
import crypto from 'node:crypto';
import { resolveDatabaseConfig } from '@/lib/db/database-config';
import { db } from '@/lib/db/prisma';
import type { PaceLimits, PaceRoute } from './pace-limits';
import { planPace } from './plan-pace';

export interface PaceCandidate {
  messageId: string;
  /** The attempt the claim recorded "in progress", removed when the message is held (holding is not an attempt). */
  attemptId: string | null;
}

export interface PaceDecision {
  /** Messages that may go now, each with its grant (finish it when the remote has answered). */
  granted: Map<string, string>;
  /** Messages given back to the queue, each with the time it is due again. */
  held: Map<string, Date>;
}

/**
 * Decides, for one sending mailbox, which of the claimed `candidates` may be delivered now, in one transaction that
 * holds the mailbox's lock (PostgreSQL: an advisory lock on its key; SQLite: the one writer), so that workers in any
 * number of processes and instances share one budget: what is under way (grants whose message is still claimed by the
 * grant's worker), what the window still counts, and the mailbox's pause. The others go back to the queue with their
 * next time, their claim's attempt count given back and no attempt recorded.
 */
export async function takePacePermits(
  route: PaceRoute,
  limits: PaceLimits,
  candidates: PaceCandidate[],
  owner: string,
  leaseMs: number,
): Promise<PaceDecision> {
  const decision: PaceDecision = { granted: new Map(), held: new Map() };
  if (candidates.length === 0) return decision;
  const postgres = resolveDatabaseConfig().provider === 'postgresql';
  await db().$transaction(async (tx) => {
    if (postgres)
      await tx.$queryRawUnsafe(
        'SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext($1))) AS locked',
        `switchboard:pace:${route.key}`,
      );
    const now = new Date();
    const windowStart = new Date(now.getTime() - limits.windowMs);
    // A grant left unfinished by a worker that died counts for a lease and a window after it was given.
    const staleBefore = new Date(windowStart.getTime() - leaseMs);
    await tx.paceGrant.deleteMany({
      where: {
        paceKey: route.key,
        OR: [{ finishedAt: { lte: windowStart } }, { finishedAt: null, grantedAt: { lte: staleBefore } }],
      },
    });
    const [pause, grants] = await Promise.all([
      tx.mailboxPace.findUnique({ where: { paceKey: route.key } }),
      tx.paceGrant.findMany({ where: { paceKey: route.key } }),
    ]);
    const unfinished = grants.filter((g) => g.finishedAt === null);
    const claims = unfinished.length
      ? await tx.outboundMessage.findMany({
          where: { id: { in: unfinished.map((g) => g.messageId) }, state: 'sending', leaseUntil: { gt: now } },
          select: { id: true, leaseOwner: true },
        })
      : [];
    const claimedBy = new Map(claims.map((c) => [c.id, c.leaseOwner]));
    const underWay = (g: (typeof grants)[number]) => g.finishedAt === null && claimedBy.get(g.messageId) === g.owner;
    const at = now.getTime();
    const plan = planPace(
      limits,
      {
        inFlight: grants.filter(underWay).length,
        countedUntil: grants.map((g) =>
          underWay(g)
            ? at + limits.windowMs
            : g.finishedAt
              ? g.finishedAt.getTime() + limits.windowMs
              : g.grantedAt.getTime() + leaseMs + limits.windowMs,
        ),
        pausedUntil: pause ? pause.pausedUntil.getTime() : null,
      },
      at,
      candidates.length,
    );
    const going = candidates.slice(0, plan.grant).map((c) => ({ ...c, grantId: crypto.randomUUID() }));
    if (going.length > 0)
      await tx.paceGrant.createMany({
        data: going.map((c) => ({
          id: c.grantId,
          paceKey: route.key,
          messageId: c.messageId,
          owner,
          grantedAt: now,
        })),
      });
    const waiting = candidates.slice(plan.grant);
    for (const [index, c] of waiting.entries()) {
      const next = new Date(plan.later[index] ?? at);
      const given = await tx.outboundMessage.updateMany({
        where: { id: c.messageId, leaseOwner: owner, state: 'sending' },
        data: { state: 'queued', leaseOwner: null, leaseUntil: null, nextAttemptAt: next, attempts: { decrement: 1 } },
      });
      if (given.count > 0) decision.held.set(c.messageId, next);
    }
    const recorded = waiting.flatMap((c) => (c.attemptId ? [c.attemptId] : []));
    if (recorded.length > 0) await tx.outboundAttempt.deleteMany({ where: { id: { in: recorded } } });
    for (const c of going) decision.granted.set(c.messageId, c.grantId);
  });
  return decision;
}
