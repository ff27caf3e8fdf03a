import 'server-only';
import type { ClaimedMessage, StartWith } from './claimed-message';
import { writeOutboxRound } from './write-outbox-round';

/**
 * Claims up to `limit` due messages for `owner` until now + leaseMs, in one conditional UPDATE, so that of several
 * workers (processes, instances) exactly one gets each message. PostgreSQL: FOR UPDATE SKIP LOCKED, so concurrent
 * workers take different rows instead of waiting on each other. SQLite: one writer at a time (BEGIN IMMEDIATE).
 * `exclude`: messages this worker is still sending. With `start`, the same transaction records the attempt "in
 * progress" for each claimed message. The worker claims through its outcome committer instead (on SQLite, a
 * claim and the outcomes before it in one round); this is the claim alone.
 */
export async function claimDueMessages(
  limit: number,
  owner: string,
  leaseMs: number,
  exclude: string[] = [],
  start: StartWith | null = null,
): Promise<ClaimedMessage[]> {
  return (await writeOutboxRound(owner, [], new Date(), { limit, leaseMs, exclude, start })).claimed;
}
