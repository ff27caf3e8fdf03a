import type { GraphMessage } from './graph-message';

/** The key the robot dedupes on; Graph leaves internetMessageId empty for a few items (some system messages). */
export function messageKey(message: Pick<GraphMessage, 'id' | 'internetMessageId'>): string {
  return message.internetMessageId?.trim() || `graph:${message.id}`;
}
