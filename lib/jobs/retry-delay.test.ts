import { describe, expect, it } from 'vitest';
import { retryDelay } from './retry-delay';

const policy = { retryBaseMs: 10_000, retryMaxMs: 3_600_000 };

describe('retryDelay', () => {
  it('doubles with each attempt, between half and all of it (jitter), capped', () => {
    expect(retryDelay(1, policy, undefined, () => 0)).toBe(5_000);
    expect(retryDelay(1, policy, undefined, () => 1)).toBe(10_000);
    expect(retryDelay(4, policy, undefined, () => 1)).toBe(80_000);
    expect(retryDelay(30, policy, undefined, () => 1)).toBe(3_600_000);
    expect(retryDelay(30, policy, undefined, () => 0)).toBe(1_800_000);
  });

  it('obeys the server’s Retry-After, plus at most 10 %', () => {
    expect(retryDelay(3, policy, 2000, () => 0)).toBe(2000);
    expect(retryDelay(3, policy, 2000, () => 1)).toBe(2200);
  });
});
