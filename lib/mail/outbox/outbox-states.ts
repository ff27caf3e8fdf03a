// The outbox's states and filters as the console shows them. Universal.

import { choiceOf, type RawParam } from '@/lib/http/list-params';

export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export const OUTBOX_STATE_LABELS: Record<OutboxState, string> = {
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed',
};

export const OUTBOX_FILTERS = { all: 'All', failed: 'Failed', unsent: 'Unsent', sent: 'Sent' } as const;
export type OutboxFilter = keyof typeof OUTBOX_FILTERS;

const FILTER_KEYS = Object.keys(OUTBOX_FILTERS) as OutboxFilter[];

/** The filter a URL asks for (`?filter=`), "All" for anything else. */
export function outboxFilterOf(value: RawParam): OutboxFilter {
  return choiceOf(value, FILTER_KEYS, 'all');
}

/** The states a filter shows: "Unsent" is everything not yet delivered (queued or being sent). */
export function statesOf(filter: OutboxFilter): OutboxState[] {
  return filter === 'failed'
    ? ['failed']
    : filter === 'sent'
      ? ['sent']
      : filter === 'unsent'
        ? ['queued', 'sending']
        : [...OUTBOX_STATES];
}

export function outboxStateLabel(state: string): string {
  return (OUTBOX_STATE_LABELS as Record<string, string>)[state] ?? state;
}
