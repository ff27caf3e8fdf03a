import 'server-only';
import type { Client } from '@microsoft/microsoft-graph-client';
import { createGraphClient } from '@/lib/entra/create-graph-client';
import { getAccessToken } from '@/lib/entra/get-access-token';
import type { MailboxContext } from '@/lib/entra/explain-graph-failure';
import type { GraphFailure } from '@/lib/entra/graph-failure';

// A Graph client for one robot mailbox: the tenant's Graph host (declared in customHosts so the SDK sends the token
// there), tokens only from the token service, a timeout on every request, and no automatic retries: a 429 comes
// back to the robot, which honours Retry-After by moving the mailbox's next poll instead of blocking a worker.

export interface MailboxGraph {
  client: Client;
  /** `/me` (delegated, own mailbox) or `/users/{address}`. */
  root: string;
  context: MailboxContext;
  /** The address to show: the configured one, or the signed-in account for the own mailbox. */
  address: string;
}

export type OpenMailboxGraphResult =
  { ok: true; graph: MailboxGraph } | { ok: false; failure: GraphFailure; context: MailboxContext };

class TokenUnavailableError extends Error {
  override name = 'TokenUnavailable';
}

export async function openMailboxGraph(
  mailbox: { connectionId: string; mailboxAddress: string; folder?: string },
  options: { graphTimeoutMs: number },
): Promise<OpenMailboxGraphResult> {
  const first = await getAccessToken(mailbox.connectionId, { api: 'graph' });
  const connection = first.connection;
  const mode = connection?.authType ?? 'delegated';
  const context: MailboxContext = {
    mode,
    address: mailbox.mailboxAddress,
    account: connection?.account ?? null,
    folder: mailbox.folder,
  };
  if (!connection)
    return {
      ok: false,
      context,
      failure: {
        status: 0,
        code: 'TokenUnavailable',
        tokenReason: 'not_found',
        message: 'The Service Connection no longer exists.',
      },
    };
  if (mode === 'application' && !mailbox.mailboxAddress) {
    return {
      ok: false,
      context,
      failure: {
        status: 400,
        code: 'BadRequest',
        message: '/me request is only valid with delegated authentication flow.',
      },
    };
  }
  if (!first.ok)
    return {
      ok: false,
      context,
      failure: { status: 0, code: 'TokenUnavailable', tokenReason: first.reason, message: first.message },
    };
  // Asked for on every request: the token service hands out its recent token, and refreshes (single-flighted) when due.
  const accessToken = async (): Promise<string> => {
    const token = await getAccessToken(mailbox.connectionId, { api: 'graph' });
    if (!token.ok) throw new TokenUnavailableError(token.message);
    return token.accessToken;
  };
  const client = createGraphClient(connection.endpoints.graphBaseUrl, accessToken, {
    timeoutMs: options.graphTimeoutMs,
  });
  const address = mailbox.mailboxAddress || connection.account || '';
  const root = mailbox.mailboxAddress ? `/users/${encodeURIComponent(mailbox.mailboxAddress)}` : '/me';
  return { ok: true, graph: { client, root, context, address } };
}
