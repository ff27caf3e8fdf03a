import { describe, expect, it } from 'vitest';
import { CONCURRENCY_RECHECK_MS, planPace } from './plan-pace';

const LIMITS = { concurrency: 3, perWindow: 30, windowMs: 6000 };
const NOW = 1_000_000;
const idle = { inFlight: 0, countedUntil: [], pausedUntil: null };

describe('planPace', () => {
  it('grants up to the concurrency when the window is empty, and looks again soon for the rest', () => {
    const plan = planPace(LIMITS, idle, NOW, 10);
    expect(plan.grant).toBe(3);
    expect(plan.later).toHaveLength(7);
    expect(plan.later.every((at) => at === NOW + CONCURRENCY_RECHECK_MS)).toBe(true);
  });

  it('counts deliveries under way against the concurrency', () => {
    expect(planPace(LIMITS, { ...idle, inFlight: 2 }, NOW, 5).grant).toBe(1);
    expect(planPace(LIMITS, { ...idle, inFlight: 3 }, NOW, 5).grant).toBe(0);
  });

  it('grants only what the window has room for, and schedules the rest as the counted ones leave it', () => {
    const limits = { concurrency: 10, perWindow: 3, windowMs: 6000 };
    // Two counted: leaving at NOW+1000 and NOW+2000.
    const plan = planPace(limits, { ...idle, countedUntil: [NOW + 2000, NOW + 1000] }, NOW, 5);
    expect(plan.grant).toBe(1);
    // Then: the first leaves at +1000, the second at +2000, the one granted now at +6000; then those scheduled.
    expect(plan.later).toEqual([NOW + 1000, NOW + 2000, NOW + 6000, NOW + 7000]);
  });

  it('never counts what already left the window', () => {
    const limits = { concurrency: 10, perWindow: 2, windowMs: 6000 };
    expect(planPace(limits, { ...idle, countedUntil: [NOW - 1, NOW] }, NOW, 5).grant).toBe(2);
  });

  it('keeps 30 per window over a burst of 100: no window of 6 s ever holds more than 30', () => {
    const limits = { concurrency: 100, perWindow: 30, windowMs: 6000 };
    const plan = planPace(limits, idle, NOW, 100);
    const times = [...Array.from({ length: plan.grant }, () => NOW), ...plan.later];
    expect(times).toHaveLength(100);
    for (const t of times)
      expect(times.filter((u) => u >= t && u < t + limits.windowMs).length).toBeLessThanOrEqual(30);
    expect(plan.later[0]).toBe(NOW + 6000);
    expect(plan.later.at(-1)).toBe(NOW + 3 * 6000);
  });

  it('grants nothing while the mailbox is paused, and schedules from the end of the pause', () => {
    const plan = planPace(LIMITS, { ...idle, pausedUntil: NOW + 5000 }, NOW, 2);
    expect(plan).toEqual({ grant: 0, later: [NOW + 5000, NOW + 5000] });
    expect(planPace(LIMITS, { ...idle, pausedUntil: NOW - 1 }, NOW, 2).grant).toBe(2);
  });
});
