import 'server-only';
import { db } from '@/lib/db/prisma';
import { getAccessToken } from '@/lib/entra/get-access-token';
import { splitScopes } from '@/lib/entra/oauth-scopes';
import { connectionCapabilities } from './connection-capabilities';
import type { ConnectionType, SmtpAuthMode } from './email-settings-schema';

export const OUTLOOK_RESOURCE = 'https://outlook.office.com';
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

export interface ConnectionRuleInput {
  connectionType: ConnectionType;
  smtpAuth: SmtpAuthMode;
  connectionId: string;
  mailboxAddress: string;
}

export type ConnectionRuleResult = { ok: true } | { ok: false; field: 'connectionId' | 'mailboxAddress'; message: string };

/**
 * The rules of the Emails form that need the database: OAuth needs a connection that is signed in and may send
 * (SMTP.Send for SMTP, Mail.Send for Graph); an application connection proves it by getting a token now.
 */
export async function checkSettingsConnection(input: ConnectionRuleInput): Promise<ConnectionRuleResult> {
  const usesConnection = input.connectionType === 'graph' || input.smtpAuth === 'oauth';
  if (!usesConnection) return { ok: true };
  const fail = (message: string, field: 'connectionId' | 'mailboxAddress' = 'connectionId') => ({ ok: false as const, field, message });
  const row = await db().serviceConnection.findUnique({
    where: { id: input.connectionId },
    select: { name: true, state: true, lastError: true, grantedScopes: true, service: { select: { authType: true, capabilities: { select: { scopes: true } } } } },
  });
  if (!row) return fail('This connection no longer exists: choose another one.');
  const graph = input.connectionType === 'graph';
  if (row.service.authType === 'application') {
    if (graph && !input.mailboxAddress) return fail('An application connection sends as /users/{mailbox}/sendMail: enter the Mailbox Email Address.', 'mailboxAddress');
    const caps = connectionCapabilities('application', row.service.capabilities.flatMap((c) => splitScopes(c.scopes)));
    if (graph && !caps.graph) return fail(`“${row.name}” has no Microsoft Graph permission to send mail.`);
    const token = await getAccessToken(input.connectionId, { resource: graph ? GRAPH_RESOURCE : OUTLOOK_RESOURCE });
    return token.ok ? { ok: true } : fail(`“${row.name}” could not get a token: ${token.message}`);
  }
  if (row.state === 'needs_reauth') return fail(`“${row.name}” needs re-authentication: open it and run Setup Authentication again.`);
  if (row.state !== 'authenticated') {
    return fail(row.state === 'error' ? `“${row.name}” is in error: ${row.lastError ?? 'see the connection'}` : `Nobody has signed in to “${row.name}” yet: run Setup Authentication on it first.`);
  }
  const caps = connectionCapabilities('delegated', splitScopes(row.grantedScopes));
  if (!graph && !caps.smtp) {
    return fail(`“${row.name}” was not granted SMTP.Send (https://outlook.office.com/SMTP.Send): use a “Microsoft Entra ID Exchange” connection, or choose Microsoft Graph.`);
  }
  if (graph && !caps.graph) {
    return fail(`“${row.name}” was not granted Mail.Send (https://graph.microsoft.com/Mail.Send): use a “Microsoft Entra ID Graph API” connection.`);
  }
  return { ok: true };
}
