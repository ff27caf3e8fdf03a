import 'server-only';
import type { CycleSummary } from './run-mailbox-cycle';
import { metricsRegistry } from '@/lib/metrics/metrics-registry';

/** Counts one robot cycle: its poll (when one was due), the messages it stored and its webhook hand-offs. */
export function observeRobotCycle(summary: CycleSummary): void {
  const metrics = metricsRegistry();
  if (summary.polled) metrics.robotPolls.inc({ result: summary.pollOk ? 'ok' : 'failed' });
  if (summary.newMessages > 0) metrics.robotMessages.inc(summary.newMessages);
  if (summary.handedOff > 0) metrics.robotHandoffs.inc({ result: 'delivered' }, summary.handedOff);
  if (summary.handoffFailures > 0) metrics.robotHandoffs.inc({ result: 'failed' }, summary.handoffFailures);
}
