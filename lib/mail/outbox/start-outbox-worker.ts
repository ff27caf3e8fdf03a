import 'server-only';
import crypto from 'node:crypto';
import os from 'node:os';
import { db } from '@/lib/db/prisma';
import { closeSmtpTransports } from '@/lib/mail/delivery/smtp-transports';
import type { DeliverySettings } from '@/lib/mail/settings/delivery-settings';
import { loadDeliverySettings } from '@/lib/mail/settings/load-delivery-settings';
import { logger } from '@/lib/log/logger';
import { type ClaimedMessage, claimDueMessages } from './claim-due-messages';
import { createOutcomeCommitter } from './create-outcome-committer';
import { deliverClaimedMessages } from './deliver-claimed-messages';
import { DEFAULT_OUTBOX_POLICY, type OutboxPolicy } from './outbox-policy';
import { renewLeases } from './renew-leases';
import { onOutboxWake } from './wake-outbox-worker';

export interface OutboxWorkerOptions {
  /** Messages in flight at once (the SMTP pool keeps up to 5 connections). */
  concurrency?: number;
  /** How often to look for due messages when nothing woke the worker. */
  pollIntervalMs?: number;
  policy?: Partial<OutboxPolicy>;
  /** Names this worker in leases and attempts; default host:pid:random. */
  workerId?: string;
}

export interface OutboxWorker {
  workerId: string;
  stop(): Promise<void>;
}

const SETTINGS_REUSE_MS = 1000;

/**
 * The outbox worker of this process: claims due messages (a lease in the database, so several processes or
 * instances never send the same message), sends up to `concurrency` at a time, renews its leases while sending,
 * and pauses after throttling for as long as the remote asked. Woken at once when a message is accepted here.
 */
export function startOutboxWorker(options: OutboxWorkerOptions = {}): OutboxWorker {
  const policy: OutboxPolicy = { ...DEFAULT_OUTBOX_POLICY, ...options.policy };
  const concurrency = options.concurrency ?? 10;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const inFlight = new Map<string, Promise<void>>();
  let stopping = false;
  let pausedUntil = 0;
  let wakeUp: (() => void) | null = null;
  let settingsRead: { at: number; value: Promise<DeliverySettings | null> } | null = null;

  // A wake-up that comes while the loop is busy is remembered, so the next sleep returns at once.
  let wokenMeanwhile = false;
  const wake = () => {
    const resolve = wakeUp;
    wakeUp = null;
    if (resolve) resolve();
    else wokenMeanwhile = true;
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (wokenMeanwhile || stopping) {
        wokenMeanwhile = false;
        return resolve();
      }
      const timer = setTimeout(() => {
        wakeUp = null;
        resolve();
      }, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const settings = () => {
    const now = Date.now();
    if (!settingsRead || now - settingsRead.at > SETTINGS_REUSE_MS) settingsRead = { at: now, value: loadDeliverySettings() };
    return settingsRead.value;
  };

  const unregister = onOutboxWake(wake);
  const heartbeat = setInterval(() => {
    renewLeases(workerId, [...inFlight.keys()], policy.leaseMs).catch((error: Error) => logger.error('outbox.renew_failed', { workerId, error: error.message }));
  }, Math.max(250, Math.floor(policy.leaseMs / 3)));
  heartbeat.unref();

  const committer = createOutcomeCommitter(workerId, policy);

  function launch(claimed: ClaimedMessage[]): void {
    const runs = deliverClaimedMessages(claimed, { owner: workerId, committer, settings });
    claimed.forEach((message, index) => {
      const run = (runs[index] ?? Promise.resolve(null))
        .then((report) => {
          if (report?.outcome.kind === 'retry' && report.outcome.throttled && report.nextAttemptAt) {
            pausedUntil = Math.max(pausedUntil, report.nextAttemptAt.getTime());
          }
        })
        .catch((error: Error) => logger.error('outbox.delivery_crashed', { workerId, messageId: message.id, error: error.message }))
        .finally(() => {
          inFlight.delete(message.id);
          wake();
        });
      inFlight.set(message.id, run);
    });
  }

  async function nextDueIn(): Promise<number> {
    const next = await db().outboundMessage.findFirst({ where: { state: 'queued' }, orderBy: { nextAttemptAt: 'asc' }, select: { nextAttemptAt: true } });
    return next ? Math.max(0, next.nextAttemptAt.getTime() - Date.now()) : pollIntervalMs;
  }

  const loop = (async () => {
    logger.info('outbox.worker_started', { workerId, concurrency });
    while (!stopping) {
      try {
        const now = Date.now();
        if (now < pausedUntil) {
          await sleep(pausedUntil - now);
          continue;
        }
        const free = concurrency - inFlight.size;
        // Claim in batches (half the slots at least) while busy: one read, one write per batch instead of per message.
        if (free <= 0 || (inFlight.size > 0 && free < Math.ceil(concurrency / 2))) {
          await sleep(pollIntervalMs);
          continue;
        }
        const claimed = await claimDueMessages(free, workerId, policy.leaseMs, [...inFlight.keys()]);
        if (claimed.length > 0) launch(claimed);
        if (claimed.length === free) continue;
        await sleep(Math.max(20, Math.min(pollIntervalMs, await nextDueIn())));
      } catch (error) {
        logger.error('outbox.worker_error', { workerId, error: (error as Error).message });
        await sleep(pollIntervalMs);
      }
    }
  })();

  return {
    workerId,
    async stop() {
      stopping = true;
      wake();
      await loop;
      await Promise.allSettled([...inFlight.values()]);
      clearInterval(heartbeat);
      unregister();
      closeSmtpTransports();
      logger.info('outbox.worker_stopped', { workerId });
    },
  };
}
