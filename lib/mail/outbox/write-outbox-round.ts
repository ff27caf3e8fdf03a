import 'server-only';
import { directDb } from '@/lib/db/prisma';
import type { ClaimedMessage, ClaimRequest } from './claimed-message';
import { postgresClaim, sqliteClaim } from './claim-statements';
import { type OutcomeRow, postgresOutcomes, sqliteOutcomes } from './outcome-statements';

export interface OutboxRound {
  /** The messages whose outcome changed them (the others' claim was lost). */
  changed: Set<string>;
  claimed: ClaimedMessage[];
}

/**
 * One round of the outbox worker's writes: the outcomes of the attempts that finished since the last round, and the
 * next claim, in one statement on PostgreSQL and one transaction on SQLite. Both halves are optional. Together they
 * cost the database one commit (one round trip, one WAL flush) where they cost two; they touch different messages
 * (the claim excludes every message the worker still holds, those whose outcome is written here included).
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
  if (!wanted) {
    const { ctes, params } = postgresOutcomes(direct, owner, outcomes, now, { payload: '$1', now: '$2', owner: '$3' });
    const rows = await direct.query<{ id: string }>(`WITH ${ctes} SELECT "id" FROM changed`, params, 'outbox_outcomes');
    return { changed: new Set(rows.map((r) => r.id)), claimed: [] };
  }
  const claiming = postgresClaim(direct, owner, now, wanted);
  const name = wanted.start ? 'outbox_claim_and_start' : 'outbox_claim';
  if (outcomes.length === 0) {
    const rows = await direct.query(`WITH ${claiming.ctes} ${claiming.select}`, claiming.params, name);
    return { changed: new Set(), claimed: claiming.claimedOf(rows as Parameters<typeof claiming.claimedOf>[0]) };
  }
  // The claim's parameters first ($1 is the owner, $3 the time), then the outcomes' payload. One row at least: the
  // ids that changed, beside each claimed message (none: one row of nulls).
  const payload = `$${claiming.params.length + 1}`;
  const written = postgresOutcomes(direct, owner, outcomes, now, { payload, now: '$3', owner: '$1' });
  const rows = await direct.query<{ changedIds: string[] | null; id: string | null }>(
    `WITH ${claiming.ctes},
  ${written.ctes}
  SELECT d."changedIds", x.* FROM (SELECT array_agg("id") AS "changedIds" FROM changed) d LEFT JOIN (${claiming.select}) x ON true`,
    [...claiming.params, written.params[0]],
    `${name}_after_outcomes`,
  );
  const claimedRows = rows.filter((r) => r.id !== null) as unknown as Parameters<typeof claiming.claimedOf>[0];
  return { changed: new Set(rows[0]?.changedIds ?? []), claimed: claiming.claimedOf(claimedRows) };
}
