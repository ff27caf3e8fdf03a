import 'server-only';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

// The process's Prometheus metrics. The outbox worker and the robot run in the server entry, GET /metrics in Next's
// bundle, each with its own copy of this module: the registry lives on globalThis so both see the same counters.
// The gauges read from the database are added by GET /metrics (lib/composition/collect-store-gauges.ts): they know
// the features' tables, which this foundation module must not.

export interface Metrics {
  registry: Registry;
  outboxSent: Counter<'transport'>;
  outboxFailed: Counter<'transport'>;
  outboxAttempts: Counter<'transport' | 'outcome' | 'answer_class'>;
  outboxThrottled: Counter<'transport'>;
  deliveryLatency: Histogram<'transport'>;
  tokenRefreshes: Counter;
  tokenRefreshFailures: Counter<'reason'>;
  robotPolls: Counter<'result'>;
  robotMessages: Counter;
  robotHandoffs: Counter<'result'>;
}

const KEY = Symbol.for('switchboard.metrics');

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const registers = [registry];
  const metrics: Metrics = {
    registry,
    outboxSent: new Counter({
      name: 'switchboard_outbox_sent_total',
      help: 'Messages the remote accepted, by transport.',
      labelNames: ['transport'],
      registers,
    }),
    outboxFailed: new Counter({
      name: 'switchboard_outbox_failed_total',
      help: 'Messages that failed for good, by transport.',
      labelNames: ['transport'],
      registers,
    }),
    outboxAttempts: new Counter({
      name: 'switchboard_outbox_attempts_total',
      help: 'Delivery attempts, by transport, outcome (sent, retry, failed) and class of the remote answer (2xx, 4xx, 5xx, network, other).',
      labelNames: ['transport', 'outcome', 'answer_class'],
      registers,
    }),
    outboxThrottled: new Counter({
      name: 'switchboard_outbox_throttled_total',
      help: 'Attempts the remote throttled (429, 4.3.x), by transport.',
      labelNames: ['transport'],
      registers,
    }),
    deliveryLatency: new Histogram({
      name: 'switchboard_outbox_delivery_latency_seconds',
      help: 'Time from acceptance to the remote accepting the message.',
      labelNames: ['transport'],
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600],
      registers,
    }),
    tokenRefreshes: new Counter({
      name: 'switchboard_token_refreshes_total',
      help: 'Tokens obtained from Microsoft (refresh token redeemed or application token issued).',
      registers,
    }),
    tokenRefreshFailures: new Counter({
      name: 'switchboard_token_refresh_failures_total',
      help: 'Token requests Microsoft refused, by reason.',
      labelNames: ['reason'],
      registers,
    }),
    robotPolls: new Counter({
      name: 'switchboard_robot_polls_total',
      help: 'Robot mailbox polls, by result (ok, failed).',
      labelNames: ['result'],
      registers,
    }),
    robotMessages: new Counter({
      name: 'switchboard_robot_messages_total',
      help: 'New messages the robot stored.',
      registers,
    }),
    robotHandoffs: new Counter({
      name: 'switchboard_robot_handoffs_total',
      help: 'Webhook hand-offs, by result (delivered, failed).',
      labelNames: ['result'],
      registers,
    }),
  };
  return metrics;
}

export function metricsRegistry(): Metrics {
  const holder = globalThis as typeof globalThis & { [KEY]?: Metrics };
  holder[KEY] ??= create();
  return holder[KEY];
}
