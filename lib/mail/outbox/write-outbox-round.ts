import 'server-only';
import { directDb } from '@/lib/db/prisma';
import type { ClaimedMessage, ClaimRequest } from './claimed-message';
import { type ClaimedRow, postgresClaim, sqliteClaim } from './claim-statements';
import { type OutcomeRow, postgresOutcomes, sqliteOutcomes } from './outcome-statements';

export interface OutboxRound {
  /** The messages whose outcome changed them (the others' claim was lost). */
  changed: Set<string>;
  claimed: ClaimedMessage[];
}

/**
 * One round of the outbox worker's writes: the outcomes of the attempts that finished since the last round, and the
 * next claim; both halves are optional. On SQLite, one transaction: one commit (one round trip to the writer thread,
 * one WAL flush) where they cost two. On PostgreSQL, one statement each, side by side on the pool (one statement for
 * both measured slower there). They touch different messages: the claim excludes every message the worker still
 * holds, those whose outcome is written here included.
 */
export async function writeOutboxRound(
  owner: string,
  outcomes: OutcomeRow[],
  now: Date,
  claim: ClaimRequest | null,
): Promise<OutboxRound> {
  const wanted = claim && claim.limit > 0 ? claim : null;
  if (outcomes.length === 0 && !wanted) return { changed: new Set(), claimed: [] };
  const direct = directDb();
  if (direct.provider === 'sqlite') {
    const written = outcomes.length > 0 ? sqliteOutcomes(owner, outcomes, now) : [];
    const claiming = wanted ? sqliteClaim(owner, now, wanted, written.length) : null;
    const results = await direct.write([...written, ...(claiming?.steps ?? [])]);
    const changed = written.length > 0 ? (results[written.length - 1] as { id: string }[]) : [];
    return { changed: new Set(changed.map((c) => c.id)), claimed: claiming?.claimedOf(results) ?? [] };
  }
  const [changed, claimed] = await Promise.all([
    (async () => {
      if (outcomes.length === 0) return [];
      const { sql, params } = postgresOutcomes(direct, owner, outcomes, now);
      return direct.query<{ id: string }>(sql, params, 'outbox_commit_outcomes');
    })(),
    (async () => {
      if (!wanted) return [];
      const claiming = postgresClaim(direct, owner, now, wanted);
      const rows = await direct.query<ClaimedRow>(claiming.sql, claiming.params, claiming.name);
      return claiming.claimedOf(rows);
    })(),
  ]);
  return { changed: new Set(changed.map((c) => c.id)), claimed };
}
