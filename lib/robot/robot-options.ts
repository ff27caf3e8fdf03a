import 'server-only';
import crypto from 'node:crypto';
import os from 'node:os';
import { retryDelayMs } from './retry-delay';

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

const OWNER = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;

export function robotOptions(overrides: Partial<RobotOptions> = {}): RobotOptions {
  const options: RobotOptions = {
    owner: OWNER,
    leaseSeconds: 120,
    webhookTimeoutMs: 15_000,
    graphTimeoutMs: 30_000,
    retryDelayMs,
    maxHandoffsPerCycle: 25,
    maxPagesPerCycle: 20,
    pageSize: 25,
    ...overrides,
  };
  // The lease is renewed before each request once half of it is gone: a request must end within that half, or
  // another instance could take the mailbox over while it is still in flight.
  const half = (options.leaseSeconds * 1000) / 2;
  return { ...options, webhookTimeoutMs: Math.min(options.webhookTimeoutMs, half), graphTimeoutMs: Math.min(options.graphTimeoutMs, half) };
}
