import 'server-only';
import type { ConnectionUsage } from '@/lib/connections/connection-usages';
import { relayClientUsages } from '@/lib/mail/relay/relay-client-usages';
import { emailSettingsUsages } from '@/lib/mail/settings/email-settings-usages';
import { robotMailboxUsages } from '@/lib/robot/robot-mailbox-usages';

/**
 * What uses a connection, so it cannot be deleted from under it: every feature that holds a connection adds its
 * lookup here (the connection domain below cannot know its users).
 */
export async function connectionUsages(id: string): Promise<ConnectionUsage[]> {
  return [...(await emailSettingsUsages(id)), ...(await relayClientUsages(id)), ...(await robotMailboxUsages(id))];
}
