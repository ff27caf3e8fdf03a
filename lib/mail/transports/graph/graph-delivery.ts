import 'server-only';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';
import { explainDeliveryError } from '@/lib/mail/delivery/explain-delivery-error';
import { sendOverGraph } from '@/lib/mail/delivery/send-over-graph';
import type { TransportDelivery } from '../prepared-delivery';
import { graphSendToken } from './graph-send-token';

// Microsoft Graph, on the server: a token through the connection, then sendMail as /me or /users/{mailbox}.

export const graphDelivery: TransportDelivery<'graph'> = {
  async prepare(transport) {
    const fail = (outcome: DeliveryOutcome) => ({ ok: false as const, transport: transport.kind, outcome });
    if (!transport.connectionId)
      return fail({
        kind: 'deferred',
        code: 'SETTINGS',
        answer: 'No Service Connection is chosen in the Email settings.',
      });
    const token = await graphSendToken(transport.connectionId);
    if (!token.ok) return fail(token.outcome);
    // Delegated: the signed-in mailbox is /me; another mailbox it may send as (Mail.Send.Shared) is /users/{mailbox}.
    const mailbox = transport.mailboxAddress.toLowerCase();
    const target = {
      graphBaseUrl: token.graphBaseUrl,
      mailbox: token.application || (mailbox && mailbox !== token.account) ? mailbox : null,
    };
    return {
      ok: true,
      transport: transport.kind,
      // Graph's Outlook limits are per app and mailbox: the connection (its tenant's app) and the mailbox sent as.
      pace: { kind: 'graph', key: `graph:${transport.connectionId}:${target.mailbox ?? token.account}` },
      send: (message, drafts) => sendOverGraph(message, target, token.accessToken, drafts),
    };
  },
  explain: (outcome) => explainDeliveryError(outcome.code, outcome.answer),
};
