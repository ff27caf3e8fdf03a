import 'server-only';
import type { ConnectionUsage } from '@/lib/connections/connection-usages';
import { emailSettingsUsages } from '@/lib/mail/settings/email-settings-usages';
import { robotMailboxUsages } from '@/lib/robot/robot-mailbox-usages';

/**
 * What uses a connection, so it cannot be deleted from under it: every feature that holds a connection adds its
 * lookup here (the connection domain below cannot know its users).
 */
export async function connectionUsages(id: string): Promise<ConnectionUsage[]> {
  return [...(await emailSettingsUsages(id)), ...(await robotMailboxUsages(id))];
}
