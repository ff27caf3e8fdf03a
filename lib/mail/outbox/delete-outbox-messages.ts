import 'server-only';
import { type DeleteOutboxResult, deleteOutboxMessage } from './delete-outbox-message';
import type { BulkResult } from './resend-outbox-messages';

/** Delete for each selected message; one being sent right now is refused and the others go. */
export async function deleteOutboxMessages(ids: string[]): Promise<BulkResult<DeleteOutboxResult>[]> {
  const results: BulkResult<DeleteOutboxResult>[] = [];
  for (const id of ids) results.push({ id, result: await deleteOutboxMessage(id) });
  return results;
}
