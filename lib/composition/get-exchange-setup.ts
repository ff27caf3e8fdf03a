import 'server-only';
import { db } from '@/lib/db/prisma';
import type { ApplicationRole, ExchangeSetupKind } from '@/lib/connections/exchange-setup-commands';
import { serviceScopesOf, splitScopes } from '@/lib/entra/oauth-scopes';

export interface ExchangeSetupFacts {
  /** The setups that apply to the connection's kind, the likeliest first; empty when Exchange needs nothing. */
  kinds: ExchangeSetupKind[];
  /** The mailboxes that use this connection (Emails settings, robot mailboxes), the Emails settings' first. */
  mailboxes: string[];
  appId: string;
  servicePrincipalId: string | null;
  servicePrincipalIdAt: Date | null;
  displayName: string;
  roles: ApplicationRole[];
  application: boolean;
}

/**
 * What the Exchange setup panel fills its commands with: the connection's own ids and the mailboxes its users name.
 * In composition because it reads the users of a connection (the Emails settings, the robot) beside the connection.
 */
export async function getExchangeSetup(connectionId: string): Promise<ExchangeSetupFacts | null> {
  const connection = await db().serviceConnection.findUnique({
    where: { id: connectionId },
    select: {
      accountUsername: true,
      optionalCapabilities: true,
      servicePrincipalId: true,
      servicePrincipalIdAt: true,
      service: { select: { authType: true, capabilities: { select: { key: true, scopes: true, optional: true } } } },
      tenant: { select: { name: true, clientId: true } },
    },
  });
  if (!connection) return null;
  const [settings, robots] = await Promise.all([
    db().emailSettings.findFirst({ where: { connectionId }, select: { connectionType: true, mailboxAddress: true } }),
    db().robotMailbox.findMany({ where: { connectionId }, select: { mailboxAddress: true }, orderBy: { name: 'asc' } }),
  ]);
  const application = connection.service.authType === 'application';
  // Delegated SMTP AUTH is the signed-in mailbox's, whatever address it sends as.
  const used = [settings?.mailboxAddress, ...robots.map((r) => r.mailboxAddress)];
  const mailboxes = (application ? used : [connection.accountUsername, ...used]).filter((m): m is string =>
    Boolean(m?.trim()),
  );
  const scopes = serviceScopesOf(connection.service.capabilities, splitScopes(connection.optionalCapabilities));
  const smtpFirst = settings?.connectionType === 'smtp';
  const kinds: ExchangeSetupKind[] = application
    ? smtpFirst
      ? ['app-only-smtp', 'app-only-graph']
      : ['app-only-graph', 'app-only-smtp']
    : scopes.some((s) => /\/SMTP\.Send$/i.test(s))
      ? ['delegated-smtp']
      : [];
  const roles: ApplicationRole[] = [];
  if (!settings || settings.connectionType !== 'smtp') roles.push('Application Mail.Send');
  if (robots.length > 0) roles.push('Application Mail.ReadWrite');
  return {
    kinds,
    mailboxes: [...new Set(mailboxes.map((m) => m.trim().toLowerCase()))],
    appId: connection.tenant.clientId,
    servicePrincipalId: connection.servicePrincipalId,
    servicePrincipalIdAt: connection.servicePrincipalIdAt,
    displayName: connection.tenant.name,
    roles,
    application,
  };
}
