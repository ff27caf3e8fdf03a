import 'server-only';
import crypto from 'node:crypto';
import os from 'node:os';
import { finishJobRun } from '@/lib/jobs/finish-job-run';
import { takeJobLease } from '@/lib/jobs/take-job-lease';
import { logger } from '@/lib/log/logger';
import { giveBackSqliteSpace } from './give-back-sqlite-space';
import { purgeExpiredData } from './purge-expired-data';
import { retentionPolicy } from './retention-policy';

// The retention job of this process, started by server.ts: every `intervalMs` it asks for the job's lease, and the
// one instance that gets it purges what is due and gives SQLite's freed pages back, renewing the lease between
// batches. The others find the lease held and wait for the next round.

export interface RetentionJobOptions {
  intervalMs?: number;
  /** The first run, shortly after start, so a restart does not postpone retention by a whole interval. */
  firstRunMs?: number;
  leaseMs?: number;
  owner?: string;
}

export interface RetentionJob {
  stop(): Promise<void>;
}

export const RETENTION_JOB = 'retention';

export function startRetentionJob(options: RetentionJobOptions = {}): RetentionJob {
  const intervalMs = options.intervalMs ?? 3_600_000;
  const leaseMs = options.leaseMs ?? 120_000;
  const owner = options.owner ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const keepGoing = async () => !stopping && (await takeJobLease(RETENTION_JOB, owner, leaseMs));

  async function run(): Promise<void> {
    if (!(await takeJobLease(RETENTION_JOB, owner, leaseMs))) return;
    const started = Date.now();
    const purged = await purgeExpiredData({ now: new Date(), policy: retentionPolicy(), keepGoing });
    const space = purged.complete ? await giveBackSqliteSpace({ keepGoing }) : null;
    const summary = { ...purged, pagesGivenBack: space?.pages ?? 0, ms: Date.now() - started };
    await finishJobRun(RETENTION_JOB, owner, JSON.stringify(summary));
    logger.info('retention.run', summary);
  }

  function schedule(ms: number): void {
    if (stopping) return;
    timer = setTimeout(() => {
      running = run()
        .catch((error: Error) => logger.error('retention.failed', { error: error.message }))
        .finally(() => schedule(intervalMs));
    }, ms);
    timer.unref();
  }

  schedule(options.firstRunMs ?? 60_000);
  return {
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
