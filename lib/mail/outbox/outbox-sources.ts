import type { MessageSource } from './enqueue-message';

// Where a message came from, as the Outbox names and filters it. Universal.

export const OUTBOX_SOURCES: Record<MessageSource, string> = {
  api: 'API',
  relay: 'SMTP relay',
  robot: 'E-mail Robot',
  notification: 'Notification',
  test: 'Test email',
};

export type OutboxSource = MessageSource | 'all';

export function outboxSourceOf(value: string | string[] | undefined): OutboxSource {
  const text = Array.isArray(value) ? value[0] : value;
  return text && text in OUTBOX_SOURCES ? (text as MessageSource) : 'all';
}
