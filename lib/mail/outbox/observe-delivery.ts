import 'server-only';
import type { AttemptReport } from './attempt-report';
import { answerClass } from '@/lib/metrics/answer-class';
import { metricsRegistry } from '@/lib/metrics/metrics-registry';

/** Counts one committed delivery attempt. A deferral (waiting for an administrator) is not an attempt. */
export function observeDelivery(transport: string, report: AttemptReport, acceptedAt: Date): void {
  const { outcome } = report;
  if (outcome.kind === 'deferred') return;
  const metrics = metricsRegistry();
  metrics.outboxAttempts.inc({ transport, outcome: outcome.kind, answer_class: answerClass(outcome.code) });
  if (outcome.kind === 'retry' && outcome.throttled) metrics.outboxThrottled.inc({ transport });
  if (report.state === 'sent') {
    metrics.outboxSent.inc({ transport });
    metrics.deliveryLatency.observe({ transport }, Math.max(0, (Date.now() - acceptedAt.getTime()) / 1000));
  } else if (report.state === 'failed') {
    metrics.outboxFailed.inc({ transport });
  }
}
