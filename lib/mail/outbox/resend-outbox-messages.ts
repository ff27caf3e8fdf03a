import 'server-only';
import { type ResendResult, resendOutboxMessage } from './resend-outbox-message';

export interface BulkResult<T> {
  id: string;
  result: T;
}

/** Resend for each selected message, one after another, with each message's own outcome (one may be refused). */
export async function resendOutboxMessages(ids: string[]): Promise<BulkResult<ResendResult>[]> {
  const results: BulkResult<ResendResult>[] = [];
  for (const id of ids) results.push({ id, result: await resendOutboxMessage(id) });
  return results;
}
