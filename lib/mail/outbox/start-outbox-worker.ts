import 'server-only';
import crypto from 'node:crypto';
import os from 'node:os';
import { closeSmtpTransports } from '@/lib/mail/delivery/smtp-transports';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';
import type { PreparedDelivery } from '@/lib/mail/delivery/prepare-delivery';
import { logger } from '@/lib/log/logger';
import type { PaceConfig } from '@/lib/mail/pacing/pace-limits';
import { paceConfigFromEnv } from '@/lib/mail/pacing/pace-config-from-env';
import type { ClaimedMessage } from './claimed-message';
import { createOutcomeCommitter } from './create-outcome-committer';
import { type DeliveryContext, deliverClaimedMessages, prepareSavedDelivery } from './deliver-claimed-messages';
import { DEFAULT_OUTBOX_POLICY, type OutboxPolicy } from './outbox-policy';
import type { OutboxPacing } from './pace-claimed-messages';
import { createRelayClientRoutes } from '@/lib/mail/relay/relay-client-routes';
import { pacedRoute } from './paced-route';
import { renewLeases } from './renew-leases';
import { onOutboxWake } from './wake-outbox-worker';

export interface OutboxWorkerOptions {
  /** Messages in flight at once (the SMTP pool keeps up to 5 connections). */
  concurrency?: number;
  /** How often to look for due messages when nothing woke the worker. */
  pollIntervalMs?: number;
  policy?: Partial<OutboxPolicy>;
  /**
   * How a message is sent when not by the saved settings (see DeliveryContext.prepareFor); default: a relayed message by
   * its relay client's own connection and mailbox, when it names one.
   */
  prepareFor?: DeliveryContext['prepareFor'];
  /**
   * Whether some message may now have a route of its own; default: whether a relay client names a connection (with a
   * `prepareFor` of its own: always). While it does, a claim does not record attempts ahead (their transport, and
   * whether their mailbox's pace lets them go, follow each message's route).
   */
  routesOfTheirOwn?: () => Promise<boolean>;
  /** Limits per sending mailbox on each kind of route; default: the SWITCHBOARD_PACE_* environment. */
  pacing?: PaceConfig;
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
  const relayRoutes = options.prepareFor ? null : createRelayClientRoutes();
  const prepareFor = options.prepareFor ?? relayRoutes?.prepareFor;
  const routesOfTheirOwn = options.routesOfTheirOwn ?? relayRoutes?.any ?? (() => Promise.resolve(true));
  // Claimed and not yet recorded (for stop, and never claimed again by this worker); of those, the ones claimed ahead
  // (their attempt recorded, waiting for a sending slot) and the ones being sent: a message frees its slot once the
  // server answered, while its outcome is committed with others. Claiming the next batch while this one is on the
  // wire keeps every slot busy: a claim waits for the disk (a commit), which would otherwise leave slots empty.
  const inFlight = new Map<string, Promise<void>>();
  const ahead = new Set<string>();
  const sending = new Set<string>();
  const waitingForSlot: (() => void)[] = [];
  const takeSlot = (id: string) =>
    new Promise<void>((resolve) => {
      const go = () => {
        ahead.delete(id);
        sending.add(id);
        resolve();
      };
      if (sending.size < concurrency) go();
      else waitingForSlot.push(go);
    });
  const releaseSlot = (id: string) => {
    if (!sending.delete(id)) return;
    waitingForSlot.shift()?.();
    wake();
  };
  let stopping = false;
  let pausedUntil = 0;
  let wakeUp: (() => void) | null = null;
  let savedRead: { at: number; value: Promise<PreparedDelivery> } | null = null;

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
  // The saved settings resolved into a sender (a token where OAuth is used), reused for a second.
  const saved = () => {
    const now = Date.now();
    if (!savedRead || now - savedRead.at > SETTINGS_REUSE_MS) savedRead = { at: now, value: prepareSavedDelivery() };
    return savedRead.value;
  };

  const unregister = onOutboxWake(wake);
  // Only claims older than a third of the lease are renewed: a message sent in milliseconds costs no statement here.
  const renewEvery = Math.max(250, Math.floor(policy.leaseMs / 3));
  const leasedAt = new Map<string, number>();
  const heartbeat = setInterval(() => {
    const now = Date.now();
    const due = [...leasedAt].filter(([, at]) => now - at >= renewEvery).map(([id]) => id);
    if (due.length === 0) return;
    for (const id of due) leasedAt.set(id, now);
    renewLeases(workerId, due, policy.leaseMs).catch((error: Error) =>
      logger.error('outbox.renew_failed', { workerId, error: error.message }),
    );
  }, renewEvery);
  heartbeat.unref();
  // The earliest retry this worker scheduled: it wakes for it instead of reading the queue's next due time.
  let nextRetryAt = Infinity;
  let busy = false;

  const committer = createOutcomeCommitter(workerId, policy);
  const pacing: OutboxPacing = {
    config: options.pacing ?? paceConfigFromEnv(),
    leaseMs: policy.leaseMs,
    throttleWaitMs: policy.throttleWaitMs,
  };
  const onHeld = (_id: string, dueAt: Date | null) => {
    nextRetryAt = Math.min(nextRetryAt, dueAt ? dueAt.getTime() : Date.now() + pollIntervalMs);
  };

  function launch(claimed: ClaimedMessage[]): void {
    // A throttled answer keeps its slot until the pause it asks for is known (after its commit).
    const onSent = (id: string, outcome: DeliveryOutcome) => {
      if (outcome.kind === 'retry' && outcome.throttled) return;
      releaseSlot(id);
    };
    const runs = deliverClaimedMessages(claimed, {
      owner: workerId,
      committer,
      saved,
      beforeSend: takeSlot,
      onSent,
      pacing,
      onHeld,
      prepareFor,
    });
    const now = Date.now();
    claimed.forEach((message, index) => {
      leasedAt.set(message.id, now);
      ahead.add(message.id);
      const run = (runs[index] ?? Promise.resolve(null))
        .then((report) => {
          // Throttling on a paced route paused its mailbox only (in the store); anything else pauses this worker.
          if (report?.outcome.kind === 'retry' && report.outcome.throttled && !report.paced && report.nextAttemptAt) {
            pausedUntil = Math.max(pausedUntil, report.nextAttemptAt.getTime());
          }
          if (report?.nextAttemptAt) nextRetryAt = Math.min(nextRetryAt, report.nextAttemptAt.getTime());
        })
        .catch((error: Error) =>
          logger.error('outbox.delivery_crashed', { workerId, messageId: message.id, error: error.message }),
        )
        .finally(() => {
          inFlight.delete(message.id);
          ahead.delete(message.id);
          releaseSlot(message.id);
          leasedAt.delete(message.id);
          wake();
        });
      inFlight.set(message.id, run);
    });
  }

  /** Until the earliest retry this worker scheduled; other work is found by the wake-up (this process) or polling. */
  function nextDueIn(): number {
    const now = Date.now();
    if (nextRetryAt <= now) nextRetryAt = Infinity;
    return Math.min(pollIntervalMs, nextRetryAt - now);
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
        // Up to twice `concurrency` claimed ahead of the slots; outcomes waiting for their commit hold no slot, but at
        // most `concurrency` of them wait at once.
        const freeNow = () => Math.min(3 * concurrency - sending.size - ahead.size, 4 * concurrency - inFlight.size);
        const free = freeNow();
        // Claim in batches (as many as the slots at least) while busy: one statement per batch instead of per message.
        if (free <= 0 || (inFlight.size > 0 && free < concurrency)) {
          await sleep(pollIntervalMs);
          continue;
        }
        // While busy, the claim records the attempts too (one commit per batch), unless the saved settings make every
        // message wait (no attempt then) or their route is paced (a message its mailbox's pace holds back is no
        // attempt either), or some message may have a route of its own. After an empty claim, the next one does not
        // resolve the settings (nor a token) for a queue that is likely empty: what it finds has its attempts recorded
        // after it.
        const prepared = busy && !(await routesOfTheirOwn()) ? await saved() : null;
        const start =
          prepared && (prepared.ok || prepared.outcome.kind !== 'deferred') && !pacedRoute(prepared, pacing.config)
            ? { worker: workerId, transport: prepared.transport }
            : null;
        // On SQLite the claim goes with the next round of outcomes (one commit for both), and how many is decided
        // then, when more slots may have come free; on PostgreSQL it goes at once (create-outcome-committer.ts).
        let asked = free;
        const claimed = await committer.claim(() => {
          asked = Math.max(free, freeNow());
          return { limit: asked, exclude: [...inFlight.keys()], start };
        });
        busy = claimed.length > 0;
        if (claimed.length > 0) launch(claimed);
        if (claimed.length === asked) continue;
        await sleep(Math.max(20, nextDueIn()));
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
