// Row leases, the one way instances sharing a database split work: a row (a mailbox, a background job, an outbox
// message) is held by the owner in its owner column until `leaseUntil`; it is free when `leaseUntil` is empty or has
// passed; it is taken with one conditional UPDATE that matches only a free row (or one the taker holds already), so of
// several instances asking at once exactly one changes it (on PostgreSQL the row lock makes the others re-check the
// condition and find it taken). Universal: Prisma conditions and a SQL fragment, no database access of its own.
//
// Users: lib/robot/claim-robot-mailbox.ts, lib/jobs/take-job-lease.ts through takeRowLease; the outbox's batch claim
// (lib/mail/outbox/claim-statements.ts) keeps its own SQL, one statement per batch, with the same expiry rule.

/** When a lease taken at `now` for `leaseMs` runs out. */
export function leaseEnd(now: Date, leaseMs: number): Date {
  return new Date(now.getTime() + leaseMs);
}

/** The Prisma condition of a free row: never leased, given back, or run out. */
export function freeLease(now: Date) {
  return { OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] };
}

/** The same rule in SQL, for raw statements: `"leaseUntil" < <now>` (an empty lease is told apart by the row's state). */
export function leaseRunOutSql(now: string): string {
  return `"leaseUntil" < ${now}`;
}

export interface LeaseTerms {
  now: Date;
  until: Date;
  /** Spread into the UPDATE's condition (or its `OR`, next to "already mine"). */
  free: ReturnType<typeof freeLease>;
}

/**
 * Takes a row lease for `leaseMs`: `update` runs the one conditional UPDATE (its own table, owner column and extra
 * conditions) with these terms; the lease is taken when it changed exactly one row. Returns when it runs out, or
 * null when someone else holds the row.
 */
export async function takeRowLease(
  leaseMs: number,
  update: (terms: LeaseTerms) => Promise<{ count: number }>,
  now = new Date(),
): Promise<Date | null> {
  const until = leaseEnd(now, leaseMs);
  const { count } = await update({ now, until, free: freeLease(now) });
  return count === 1 ? until : null;
}
