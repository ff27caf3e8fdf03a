import { powershellQuote } from './powershell-quote';

// The Exchange Online PowerShell for what Azure alone cannot do, filled with a connection's own ids (Microsoft Learn:
// "Authenticate an IMAP, POP or SMTP connection using OAuth", "Enable or disable SMTP AUTH", "Role Based Access
// Control for Applications in Exchange Online"). Universal and pure: the page renders it, the tests read it.

export const EXCHANGE_SETUP_KINDS = ['delegated-smtp', 'app-only-smtp', 'app-only-graph'] as const;
export type ExchangeSetupKind = (typeof EXCHANGE_SETUP_KINDS)[number];

export const EXCHANGE_SETUP_LABELS: Record<ExchangeSetupKind, string> = {
  'delegated-smtp': 'Delegated SMTP (a signed-in mailbox sends over SMTP)',
  'app-only-smtp': 'App-only SMTP (the application sends over SMTP)',
  'app-only-graph': 'App-only Microsoft Graph (the application sends or reads through Graph)',
};

/** Exchange's application roles of RBAC for Applications that Switchboard's paths need. */
export const APPLICATION_ROLES = ['Application Mail.Send', 'Application Mail.ReadWrite'] as const;
export type ApplicationRole = (typeof APPLICATION_ROLES)[number];

export interface ExchangeSetupInput {
  kind: ExchangeSetupKind;
  mailbox: string;
  /** Application (client) id of the app registration. */
  appId: string;
  /** The enterprise application's object id (`oid` of an app-only token); null while unknown. */
  servicePrincipalId: string | null;
  /** A name for the service principal and the management scope, e.g. the tenant's name. */
  displayName: string;
  /** app-only-graph: the roles to assign (Mail.Send to send, Mail.ReadWrite for the robot). */
  roles?: readonly ApplicationRole[];
}

export interface ExchangeSetupStep {
  title: string;
  command: string;
}

export interface ExchangeSetup {
  steps: ExchangeSetupStep[];
  notes: string[];
  /** Ids the commands need that are not known yet: the page asks for them. */
  missing: Array<'servicePrincipalId'>;
}

export const SERVICE_PRINCIPAL_PLACEHOLDER = '<enterprise application object id>';

const CONNECT: ExchangeSetupStep = {
  title: 'Connect to Exchange Online PowerShell (module ExchangeOnlineManagement) as an Exchange administrator',
  command: 'Connect-ExchangeOnline',
};

function enableSmtpAuth(mailbox: string): ExchangeSetupStep {
  const identity = powershellQuote(mailbox);
  return {
    title: 'Allow SMTP AUTH for the mailbox (it overrides the organisation-wide setting), then check it',
    command: [
      `Set-CASMailbox -Identity ${identity} -SmtpClientAuthenticationDisabled $false`,
      `Get-CASMailbox -Identity ${identity} | Format-List SmtpClientAuthenticationDisabled`,
    ].join('\n'),
  };
}

function newServicePrincipal(input: ExchangeSetupInput, objectId: string): ExchangeSetupStep {
  return {
    title: 'Register the application’s service principal in Exchange (once per application)',
    command: `New-ServicePrincipal -AppId ${powershellQuote(input.appId)} -ObjectId ${objectId} -DisplayName ${powershellQuote(input.displayName)}`,
  };
}

/** The OPATH filter is itself a string inside the PowerShell string: its quotes are doubled at each level. */
function mailboxFilter(mailbox: string): string {
  return `PrimarySmtpAddress -eq '${mailbox.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q)}'`;
}

export function exchangeSetupCommands(input: ExchangeSetupInput): ExchangeSetup {
  const known = input.servicePrincipalId;
  const objectId = known ? powershellQuote(known) : SERVICE_PRINCIPAL_PLACEHOLDER;
  const missing: ExchangeSetup['missing'] = known ? [] : ['servicePrincipalId'];
  const mailbox = powershellQuote(input.mailbox);
  switch (input.kind) {
    case 'delegated-smtp':
      return {
        steps: [CONNECT, enableSmtpAuth(input.mailbox)],
        notes: [
          'SMTP AUTH is off by default in new tenants and for Basic authentication from the end of December 2026; OAuth (XOAUTH2) still needs it allowed for the mailbox.',
        ],
        missing: [],
      };
    case 'app-only-smtp':
      return {
        steps: [
          CONNECT,
          newServicePrincipal(input, objectId),
          {
            title: 'Give the service principal Full Access to the mailbox it sends as',
            command: `Add-MailboxPermission -Identity ${mailbox} -User ${objectId} -AccessRights FullAccess`,
          },
          enableSmtpAuth(input.mailbox),
        ],
        notes: [
          'The token must carry SMTP.SendAsApp: Azure portal → API permissions → Office 365 Exchange Online → Application permissions → SMTP.SendAsApp, then Grant admin consent.',
          'Use the Object ID of the Enterprise application (Enterprise applications → the app → Overview), not the one of the App registration.',
        ],
        missing,
      };
    case 'app-only-graph': {
      const roles = input.roles?.length ? input.roles : (['Application Mail.Send'] as const);
      const scopeName = powershellQuote(`${input.displayName} mailboxes`);
      return {
        steps: [
          CONNECT,
          newServicePrincipal(input, objectId),
          {
            title: 'Create a management scope that holds the mailbox (RBAC for Applications)',
            command: `New-ManagementScope -Name ${scopeName} -RecipientRestrictionFilter ${powershellQuote(mailboxFilter(input.mailbox))}`,
          },
          {
            title: 'Assign the application role(s) to the service principal within that scope',
            command: roles
              .map(
                (role) =>
                  `New-ManagementRoleAssignment -App ${objectId} -Role ${powershellQuote(role)} -CustomResourceScope ${scopeName}`,
              )
              .join('\n'),
          },
          {
            title: 'Check what the application may do on the mailbox',
            command: `Test-ServicePrincipalAuthorization -Identity ${objectId} -Resource ${mailbox}`,
          },
        ],
        notes: [
          'RBAC for Applications replaces Application Access Policies: do not create new access policies.',
          'The scope only takes effect once the tenant-wide Entra application permission (Mail.Send or Mail.ReadWrite under API permissions) is removed: while Entra grants it, the application reaches every mailbox.',
        ],
        missing,
      };
    }
  }
}
