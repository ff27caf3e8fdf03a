import 'server-only';
import { emailSettingsUsages } from '@/lib/mail/settings/email-settings-usages';
import { robotMailboxUsages } from '@/lib/robot/robot-mailbox-usages';

export interface ConnectionUsage {
  /** The feature, e.g. "Email settings" or "E-mail Robot". */
  feature: string;
  /** What in that feature uses it, e.g. "Outbound mail" or a mailbox address. */
  name: string;
  href?: string;
}

/**
 * What uses a connection, so it cannot be deleted from under it. Empty until the features that hold connections
 * exist: the Email settings and E-mail Robot issues add their lookups here.
 */
export async function connectionUsages(id: string): Promise<ConnectionUsage[]> {
  return [...(await emailSettingsUsages(id)), ...(await robotMailboxUsages(id))];
}
