import 'server-only';
import crypto from 'node:crypto';
import os from 'node:os';
import { retryDelay, type RetrySchedule } from '@/lib/jobs/retry-delay';

// How the robot paces itself. server.ts runs it with these defaults; tests pass shorter ones.

export interface RobotOptions {
  /** Who holds a lease: host, process and a random part, so two instances on one host differ. */
  owner: string;
  /** How long a claimed mailbox stays ours without renewal; renewed while work goes on. */
  leaseSeconds: number;
  webhookTimeoutMs: number;
  graphTimeoutMs: number;
  /** Delay before the next try after `attempt` failures (hand-offs and mailbox actions). */
  retryDelayMs: (attempt: number) => number;
  /** Hand-offs per mailbox per cycle, so one mailbox cannot hold the poller for long; the rest follow at once. */
  maxHandoffsPerCycle: number;
  /** Delta pages per cycle; a long first sync continues in the next cycle from the stored cursor. */
  maxPagesPerCycle: number;
  /** Prefer: odata.maxpagesize. */
  pageSize: number;
}

// After `attempt` failures: 10 s, 30 s, 1 min, 2 min, 5 min, 10 min, 30 min, then every hour, for as long as it takes.
export const ROBOT_RETRY: RetrySchedule = {
  retryStepsMs: [10, 30, 60, 120, 300, 600, 1800, 3600].map((seconds) => seconds * 1000),
};

const OWNER = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;

export function robotOptions(overrides: Partial<RobotOptions> = {}): RobotOptions {
  const options: RobotOptions = {
    owner: OWNER,
    leaseSeconds: 120,
    webhookTimeoutMs: 15_000,
    graphTimeoutMs: 30_000,
    retryDelayMs: (attempt) => retryDelay(attempt, ROBOT_RETRY),
    maxHandoffsPerCycle: 25,
    maxPagesPerCycle: 20,
    pageSize: 25,
    ...overrides,
  };
  // The lease is renewed before each request once half of it is gone: a request must end within that half, or
  // another instance could take the mailbox over while it is still in flight.
  const half = (options.leaseSeconds * 1000) / 2;
  return {
    ...options,
    webhookTimeoutMs: Math.min(options.webhookTimeoutMs, half),
    graphTimeoutMs: Math.min(options.graphTimeoutMs, half),
  };
}
