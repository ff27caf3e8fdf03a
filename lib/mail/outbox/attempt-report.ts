import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';

/** What became of a message after one attempt. Universal. */
export interface AttemptReport {
  messageId: string;
  outcome: DeliveryOutcome;
  state: 'sent' | 'failed' | 'queued';
  nextAttemptAt: Date | null;
  /** Sent through a paced route: Microsoft's throttling paused that mailbox only, not the worker. */
  paced?: boolean;
}
