import { z } from 'zod';
import type { TransportDefinition } from '../transport-definition';
import { graphForm } from './graph-form';
import type { FieldIssue, TransportFields } from '../transport-fields';

// Microsoft Graph: HTTPS sendMail through a Service Connection, no SMTP AUTH. Nothing secret is stored with it (the
// token lives with the connection). Universal: the browser validates with it.

export const graphTransportSchema = z.object({
  kind: z.literal('graph'),
  connectionId: z.string(),
  /** Delegated: '' or the signed-in account is /me, another mailbox /users/{mailbox}; application: /users/{mailbox}. */
  mailboxAddress: z.string(),
});
export type GraphTransport = z.infer<typeof graphTransportSchema>;

function graphFromFields(fields: TransportFields): GraphTransport {
  return { kind: 'graph', connectionId: fields.connectionId, mailboxAddress: fields.mailboxAddress };
}

function graphToFields(transport: GraphTransport): Partial<TransportFields> {
  return { connectionId: transport.connectionId, mailboxAddress: transport.mailboxAddress };
}

function checkGraph(transport: GraphTransport, issue: FieldIssue, complete: boolean): void {
  if (complete && !transport.connectionId)
    issue('connectionId', 'Choose the Service Connection that sends through Microsoft Graph');
}

export const graphTransport: TransportDefinition<'graph'> = {
  ...graphForm,
  fromFields: graphFromFields,
  toFields: graphToFields,
  redact: (t) => t,
  secret: () => null,
  withSecret: (t) => t,
  check: checkGraph,
  connectionUse: (t) => ({
    connectionId: t.connectionId,
    mailboxAddress: t.mailboxAddress,
    job: 'graph-send',
    api: 'graph',
    tokenServer: null,
  }),
  describe: () => 'Microsoft Graph',
  destination: () => 'Microsoft Graph',
  server: () => null,
  usage: 'Outbound mail through Microsoft Graph',
};
