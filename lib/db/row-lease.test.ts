import { describe, expect, it } from 'vitest';
import { freeLease, leaseEnd, leaseRunOutSql, takeRowLease } from './row-lease';

describe('row leases', () => {
  const now = new Date('2026-01-01T00:00:00Z');

  it('calls a row free when its lease is empty or has run out, in Prisma and in SQL alike', () => {
    expect(freeLease(now)).toEqual({ OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] });
    expect(leaseRunOutSql('$3::timestamp')).toBe('"leaseUntil" < $3::timestamp');
  });

  it('is taken when the one conditional update changed one row, until now + the lease', async () => {
    const seen: unknown[] = [];
    const taken = await takeRowLease(60_000, async (terms) => (seen.push(terms), { count: 1 }), now);
    expect(taken).toEqual(leaseEnd(now, 60_000));
    expect(taken?.toISOString()).toBe('2026-01-01T00:01:00.000Z');
    expect(seen).toEqual([{ now, until: taken, free: freeLease(now) }]);
    expect(await takeRowLease(60_000, async () => ({ count: 0 }), now)).toBeNull();
  });
});
