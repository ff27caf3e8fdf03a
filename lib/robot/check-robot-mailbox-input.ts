import 'server-only';
import { connectionFit } from '@/lib/connections/connection-fit';
import { getConnectionFacts } from '@/lib/connections/get-connection-facts';
import { checkUrlDestination } from '@/lib/net/check-url-destination';
import type { CreateRobotMailboxInput } from './schemas';

// What the form's schema cannot know: that the connection exists and may read and file mail (the list offers only
// such connections; the server checks again), that an application connection (no signed-in user, so no "own"
// mailbox) has an address, that a webhook has a secret to sign with, and that a webhook URL written as an address is
// one the server may call (the operator's SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS). `keptConnectionId`: the connection
// the mailbox already uses, which is not refused for a passing state (a needed re-authentication) while other fields
// change.

export async function checkRobotMailboxInput(
  input: CreateRobotMailboxInput,
  hasStoredSecret: boolean,
  keptConnectionId?: string,
): Promise<Record<string, string> | null> {
  const errors: Record<string, string> = {};
  const [connection] = input.connectionId ? await getConnectionFacts([input.connectionId]) : [];
  if (!connection) errors.connectionId = 'Choose a Service Connection';
  else {
    const fit = connectionFit('robot', connection.facts);
    const permissionProblem = !fit.usable && /was not granted|no Microsoft Graph permission/.test(fit.reason);
    if (!fit.usable && (permissionProblem || connection.id !== keptConnectionId))
      errors.connectionId = `“${connection.name}” ${fit.reason}.`;
    else if (connection.facts.authType === 'application' && !input.mailboxAddress) {
      errors.mailboxAddress = 'An application connection has no signed-in user: enter the mailbox address';
    }
  }
  const destination = input.webhookUrl ? checkUrlDestination(input.webhookUrl) : null;
  if (destination) errors.webhookUrl = destination;
  if (input.webhookUrl && !input.webhookSecret && !hasStoredSecret)
    errors.webhookSecret = 'Generate or enter a secret to sign the webhook with';
  return Object.keys(errors).length ? errors : null;
}
