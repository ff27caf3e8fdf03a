import { describe, expect, it } from 'vitest';
import { retryDelay } from '@/lib/jobs/retry-delay';
import { ROBOT_RETRY } from './robot-options';

const retryDelayMs = (attempt: number) => retryDelay(attempt, ROBOT_RETRY);

describe('retryDelayMs', () => {
  it('backs off from 10 s to an hour and stays there', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((attempt) => retryDelayMs(attempt) / 1000)).toEqual([
      10, 30, 60, 120, 300, 600, 1800, 3600, 3600,
    ]);
    expect(retryDelayMs(0)).toBe(10_000);
  });
});
