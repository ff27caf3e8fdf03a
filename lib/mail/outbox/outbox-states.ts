// The outbox's states and filters as the console shows them. Universal.

export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export const OUTBOX_STATE_LABELS: Record<OutboxState, string> = { queued: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed' };

export const OUTBOX_FILTERS = { all: 'All', failed: 'Failed', unsent: 'Unsent', sent: 'Sent' } as const;
export type OutboxFilter = keyof typeof OUTBOX_FILTERS;

export function outboxFilterOf(value: string | undefined): OutboxFilter {
  return value && Object.hasOwn(OUTBOX_FILTERS, value) ? (value as OutboxFilter) : 'all';
}

/** The states a filter shows: "Unsent" is everything not yet delivered (queued or being sent). */
export function statesOf(filter: OutboxFilter): OutboxState[] {
  return filter === 'failed' ? ['failed'] : filter === 'sent' ? ['sent'] : filter === 'unsent' ? ['queued', 'sending'] : [...OUTBOX_STATES];
}

export function outboxStateLabel(state: string): string {
  return (OUTBOX_STATE_LABELS as Record<string, string>)[state] ?? state;
}
