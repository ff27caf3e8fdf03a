// The two Microsoft resources Switchboard asks tokens for, with the permissions each exposes and the words
// Entra's consent page uses for them.

export type ResourceKey = 'graph' | 'exchange';

export interface MicrosoftResource {
  key: ResourceKey;
  /** Application ID URI, the audience of a token requested with it. */
  uri: string;
  /** Every identifier Entra accepts in a scope prefix, lower-cased. */
  aliases: string[];
  appId: string;
  displayName: string;
  delegated: Record<string, string>;
  application: string[];
}

export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';

export const MICROSOFT_RESOURCES: readonly MicrosoftResource[] = [
  {
    key: 'graph',
    uri: 'https://graph.microsoft.com',
    aliases: ['https://graph.microsoft.com', 'https://graph.microsoft.com/', GRAPH_APP_ID],
    appId: GRAPH_APP_ID,
    displayName: 'Microsoft Graph',
    delegated: {
      'User.Read': 'Sign you in and read your profile',
      'User.ReadBasic.All': "Read all users' basic profiles",
      'Mail.Read': 'Read your mail',
      'Mail.ReadBasic': 'Read user basic mail',
      'Mail.ReadWrite': 'Read and write access to your mail',
      'Mail.Read.Shared': 'Read user and shared mail',
      'Mail.ReadWrite.Shared': 'Read and write user and shared mail',
      'Mail.Send': 'Send mail as you',
      'Mail.Send.Shared': 'Send mail on behalf of others',
      'MailboxSettings.Read': 'Read your mailbox settings',
      'MailboxSettings.ReadWrite': 'Read and write to your mailbox settings',
    },
    application: ['Mail.Read', 'Mail.ReadBasic', 'Mail.ReadBasic.All', 'Mail.ReadWrite', 'Mail.Send', 'User.Read.All'],
  },
  {
    key: 'exchange',
    uri: 'https://outlook.office.com',
    aliases: ['https://outlook.office.com', 'https://outlook.office365.com', EXCHANGE_APP_ID],
    appId: EXCHANGE_APP_ID,
    displayName: 'Office 365 Exchange Online',
    delegated: {
      'SMTP.Send': 'Send emails from mailboxes using SMTP AUTH.',
      'IMAP.AccessAsUser.All': 'Read and write access to mailboxes via IMAP.',
      'POP.AccessAsUser.All': 'Read and write access to mailboxes via POP.',
      'EWS.AccessAsUser.All': 'Access mailboxes as the signed-in user via Exchange Web Services',
    },
    application: ['full_access_as_app', 'IMAP.AccessAsApp', 'POP.AccessAsApp', 'SMTP.SendAsApp'],
  },
];

/** OpenID Connect scopes: they shape the id token and refresh token, not the access token's audience. */
export const OIDC_SCOPES: Record<string, string> = {
  openid: 'Sign you in',
  profile: 'View your basic profile',
  email: 'View your email address',
  offline_access: 'Maintain access to data you have given it access to',
};

export function resourceByKey(key: ResourceKey): MicrosoftResource {
  const resource = MICROSOFT_RESOURCES.find((r) => r.key === key);
  if (!resource) throw new Error(`unknown resource ${key}`);
  return resource;
}

function normalise(identifier: string): string {
  return identifier.toLowerCase().replace(/\/+$/, '');
}

/**
 * A resource of the catalogue by any of its global identifiers: how the configuration file and the control API name
 * resources (an app registration's "API permissions" list the API, whatever the cloud calls it).
 */
export function findResource(identifier: string): MicrosoftResource | undefined {
  const wanted = normalise(identifier);
  return MICROSOFT_RESOURCES.find((r) => r.aliases.some((a) => normalise(a) === wanted));
}

/** The identifiers a client may name each resource by in a scope, and that a token's audience may be. */
export type ResourceNames = Record<ResourceKey, readonly string[]>;

/** Microsoft's global names (and the application ids), the sandbox's default. */
export const GLOBAL_RESOURCE_NAMES: ResourceNames = {
  graph: resourceByKey('graph').aliases.map(normalise),
  exchange: resourceByKey('exchange').aliases.map(normalise),
};

/**
 * A cloud that answers for other names (a national cloud's https://graph.microsoft.us): those names and the
 * application ids, which Entra accepts in every cloud, and nothing else.
 */
export function resourceNamesOf(custom: { graph: string; exchange: string } | undefined): ResourceNames {
  if (!custom) return GLOBAL_RESOURCE_NAMES;
  return {
    graph: [normalise(custom.graph), GRAPH_APP_ID],
    exchange: [normalise(custom.exchange), EXCHANGE_APP_ID],
  };
}

/** The resource a scope's prefix names, among the names this cloud answers for. */
export function findRequestedResource(identifier: string, names: ResourceNames): MicrosoftResource | undefined {
  const wanted = normalise(identifier);
  const key = (Object.keys(names) as ResourceKey[]).find((k) => names[k].includes(wanted));
  return key ? resourceByKey(key) : undefined;
}

/** The catalogue's spelling of a permission, or undefined when the resource does not expose it. */
export function canonicalPermission(
  resource: MicrosoftResource,
  name: string,
  kind: 'delegated' | 'application',
): string | undefined {
  const names = kind === 'delegated' ? Object.keys(resource.delegated) : resource.application;
  return names.find((n) => n.toLowerCase() === name.toLowerCase());
}
