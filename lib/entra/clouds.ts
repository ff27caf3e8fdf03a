// The Microsoft clouds a tenant can live in: one row per cloud with where its identity platform, Graph and Exchange
// Online are, and which resource (token audience) each API answers for. Universal (no `server-only`): the tenant form
// shows these hosts, and MSAL, the token service and the mail transports resolve a tenant's endpoints through
// `tenantEndpoints`. Adding a cloud is a row here (and its id in CLOUD_IDS).

export const CLOUD_IDS = ['global', 'usgov', 'usgov-dod', 'china', 'custom'] as const;
export type CloudId = (typeof CLOUD_IDS)[number];

/**
 * Microsoft's global resource names. Built-in services store their scopes with these (lib/services/built-in-services),
 * the sandbox and every test (Custom cloud) answer for them, and the lists key application roles by them.
 */
export const GLOBAL_RESOURCES = {
  graph: 'https://graph.microsoft.com',
  /** Exchange Online for delegated scopes (SMTP.Send, IMAP.AccessAsUser.All), as Microsoft's OAuth guide writes it. */
  exchange: 'https://outlook.office.com',
  /** Exchange Online for app-only tokens (SMTP.SendAsApp), as Microsoft's client-credentials guide writes it. */
  exchangeApp: 'https://outlook.office365.com',
} as const;

export interface CloudEndpoints {
  /** Identity platform origin, without a trailing slash: `{authorityHost}/{tenant}/oauth2/v2.0/token`. */
  authorityHost: string;
  /** Graph origin without a version: `{graphBaseUrl}/v1.0/me`. */
  graphBaseUrl: string;
  /** The resource a Graph token is for: `{graphResource}/Mail.Send`, `{graphResource}/.default`. */
  graphResource: string;
  /** The Exchange Online resource of delegated scopes: `{exchangeResource}/SMTP.Send`. */
  exchangeResource: string;
  /** The Exchange Online resource of app-only tokens: `{exchangeAppResource}/.default`. */
  exchangeAppResource: string;
  /** SMTP client submission (`host:port`, STARTTLS), where Microsoft publishes one for the cloud. */
  smtpHost?: string;
  /** IMAP (`host:port`, TLS from the first byte), where Microsoft publishes one for the cloud. */
  imapHost?: string;
}

export interface CloudDefinition extends Partial<CloudEndpoints> {
  id: CloudId;
  label: string;
  /** The cloud's own SMTP submission hosts: the only ones its OAuth tokens are ever sent to (Custom: none known). */
  smtpTokenHosts?: readonly string[];
}

// Sources (checked December 2026):
// - Sign-in and Graph hosts: Microsoft Graph "National cloud deployments" (learn.microsoft.com/graph/deployments):
//   login.microsoftonline.us / login.chinacloudapi.cn; graph.microsoft.us (L4: GCC High), dod-graph.microsoft.us
//   (L5: DoD), microsoftgraph.chinacloudapi.cn. "Access national cloud deployments with the Microsoft Graph SDKs": a
//   scope that names Graph must use the national cloud's Graph root (https://graph.microsoft.us/Mail.Send).
// - Exchange Online resource, delegated and app-only: "Authenticate an IMAP, POP or SMTP connection using OAuth"
//   writes https://outlook.office.com/SMTP.Send (global only; no national-cloud text) and
//   https://outlook.office365.com/.default for client credentials. 21Vianet: "API endpoints of Office 365 operated by
//   21Vianet" gives https://partner.outlook.cn for the Outlook APIs. US Government: the Exchange Online host of the
//   "Office 365 U.S. Government GCC High / DoD endpoints" lists. National clouds use one name for both kinds.
// - SMTP submission: smtp.office365.com:587 is Microsoft's ("How to set up a multifunction device or application to
//   send email"); the national hosts are community-sourced (MICROSOFT.md: uncertain). They are defaults: the Emails
//   settings' SMTP server is editable among `smtpTokenHosts`, the cloud's documented mail hosts, and no other host.
export const CLOUDS: readonly CloudDefinition[] = [
  {
    id: 'global',
    label: 'Global',
    authorityHost: 'https://login.microsoftonline.com',
    graphBaseUrl: 'https://graph.microsoft.com',
    graphResource: GLOBAL_RESOURCES.graph,
    exchangeResource: GLOBAL_RESOURCES.exchange,
    exchangeAppResource: GLOBAL_RESOURCES.exchangeApp,
    smtpHost: 'smtp.office365.com:587',
    imapHost: 'outlook.office365.com:993',
    smtpTokenHosts: ['smtp.office365.com', 'outlook.office365.com', 'smtp-hve.office365.com'],
  },
  {
    id: 'usgov',
    label: 'US Government',
    authorityHost: 'https://login.microsoftonline.us',
    graphBaseUrl: 'https://graph.microsoft.us',
    graphResource: 'https://graph.microsoft.us',
    exchangeResource: 'https://outlook.office365.us',
    exchangeAppResource: 'https://outlook.office365.us',
    smtpHost: 'smtp.office365.us:587',
    imapHost: 'outlook.office365.us:993',
    // Exchange Online's host answers SMTP submission too, as outlook.office365.com does in the global cloud.
    smtpTokenHosts: ['smtp.office365.us', 'outlook.office365.us'],
  },
  {
    id: 'usgov-dod',
    label: 'US Government DoD',
    authorityHost: 'https://login.microsoftonline.us',
    graphBaseUrl: 'https://dod-graph.microsoft.us',
    graphResource: 'https://dod-graph.microsoft.us',
    // Microsoft publishes no OAuth guide for IMAP/SMTP in DoD: the resource and the IMAP host are the Exchange Online
    // host of the DoD endpoints list (outlook-dod.office365.us), the SMTP default GCC High's submission host. Both are
    // documented defaults, not tested ones: a service of one's own may name another resource (its scopes are sent as
    // written), and the Emails settings may use the other listed host.
    exchangeResource: 'https://outlook-dod.office365.us',
    exchangeAppResource: 'https://outlook-dod.office365.us',
    smtpHost: 'smtp.office365.us:587',
    imapHost: 'outlook-dod.office365.us:993',
    smtpTokenHosts: ['smtp.office365.us', 'outlook-dod.office365.us'],
  },
  {
    id: 'china',
    label: 'China (operated by 21Vianet)',
    authorityHost: 'https://login.chinacloudapi.cn',
    graphBaseUrl: 'https://microsoftgraph.chinacloudapi.cn',
    graphResource: 'https://microsoftgraph.chinacloudapi.cn',
    exchangeResource: 'https://partner.outlook.cn',
    exchangeAppResource: 'https://partner.outlook.cn',
    // Community-sourced, like the DoD host: an editable default among the two partner.outlook.cn hosts.
    smtpHost: 'smtp.partner.outlook.cn:587',
    imapHost: 'partner.outlook.cn:993',
    smtpTokenHosts: ['smtp.partner.outlook.cn', 'partner.outlook.cn'],
  },
  // The sandbox and every test use Custom: any host serving the standard Entra v2.0 and Graph v1.0 paths, answering
  // for Microsoft's global resource names unless the tenant names its own (Tenant.graphResource, exchangeResource).
  {
    id: 'custom',
    label: 'Custom',
    graphResource: GLOBAL_RESOURCES.graph,
    exchangeResource: GLOBAL_RESOURCES.exchange,
    exchangeAppResource: GLOBAL_RESOURCES.exchangeApp,
  },
];

export function isCloudId(value: string): value is CloudId {
  return (CLOUD_IDS as readonly string[]).includes(value);
}

export function cloudLabel(id: string): string {
  return CLOUDS.find((cloud) => cloud.id === id)?.label ?? id;
}

export interface TenantCloud {
  cloud: string;
  authorityHost?: string | null;
  graphBaseUrl?: string | null;
  /** A Custom cloud's own resource names (origins); unset: Microsoft's global names. Ignored for other clouds. */
  graphResource?: string | null;
  exchangeResource?: string | null;
}

/** Everything about where to reach Microsoft for this tenant, resources included. Throws like `cloudEndpoints`. */
export function tenantEndpoints(tenant: TenantCloud): CloudEndpoints {
  const known = CLOUDS.find((cloud) => cloud.id === tenant.cloud);
  if (!known?.graphResource || !known.exchangeResource || !known.exchangeAppResource)
    throw new Error(`Unknown cloud "${tenant.cloud}"`);
  const resources = {
    graphResource: known.graphResource,
    exchangeResource: known.exchangeResource,
    exchangeAppResource: known.exchangeAppResource,
  };
  if (tenant.cloud === 'custom') {
    if (!tenant.authorityHost || !tenant.graphBaseUrl) {
      throw new Error('A tenant in a Custom cloud needs an authority host and a Graph base URL');
    }
    // A Custom cloud answers for one Exchange name, as the national clouds do, when it names its own.
    const exchange = tenant.exchangeResource ? stripSlash(tenant.exchangeResource).toLowerCase() : null;
    return {
      authorityHost: stripSlash(tenant.authorityHost),
      graphBaseUrl: stripSlash(tenant.graphBaseUrl),
      graphResource: tenant.graphResource ? stripSlash(tenant.graphResource).toLowerCase() : resources.graphResource,
      exchangeResource: exchange ?? resources.exchangeResource,
      exchangeAppResource: exchange ?? resources.exchangeAppResource,
    };
  }
  if (!known.authorityHost || !known.graphBaseUrl) throw new Error(`Unknown cloud "${tenant.cloud}"`);
  return {
    authorityHost: known.authorityHost,
    graphBaseUrl: known.graphBaseUrl,
    ...resources,
    ...(known.smtpHost ? { smtpHost: known.smtpHost } : {}),
    ...(known.imapHost ? { imapHost: known.imapHost } : {}),
  };
}

export type CloudHosts = Pick<CloudEndpoints, 'authorityHost' | 'graphBaseUrl' | 'smtpHost'>;

/**
 * Where to reach Microsoft for this tenant: the identity platform, Graph and SMTP submission (the shape callers and
 * tests have always had; `tenantEndpoints` has the rest). Throws for a Custom tenant without both URLs (the form
 * requires them).
 */
export function cloudEndpoints(tenant: TenantCloud): CloudHosts {
  const { authorityHost, graphBaseUrl, smtpHost } = tenantEndpoints(tenant);
  return { authorityHost, graphBaseUrl, ...(smtpHost ? { smtpHost } : {}) };
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** The resource a Graph token is requested for (e.g. https://graph.microsoft.us for US Government). */
export function graphResourceFor(tenant: TenantCloud): string {
  return tenantEndpoints(tenant).graphResource;
}

/** The SMTP hosts a tenant's OAuth tokens may be sent to, or null for a Custom cloud (the host saved in the settings). */
export function smtpTokenHostsFor(cloud: string): readonly string[] | null {
  if (cloud === 'custom') return null;
  return CLOUDS.find((c) => c.id === cloud)?.smtpTokenHosts ?? [];
}

/**
 * Which Microsoft API a resource is, in any cloud, by its global name (`https://graph.microsoft.us` →
 * `https://graph.microsoft.com`; either Exchange name → `https://outlook.office.com`); null for any other resource.
 * The lists judge connections and key application roles by these names, whatever the tenant's cloud. `own`: the
 * tenant's endpoints, for a Custom cloud's own names.
 */
export function globalResourceOf(
  resource: string,
  own?: Pick<CloudEndpoints, 'graphResource' | 'exchangeResource' | 'exchangeAppResource'>,
): string | null {
  const wanted = resource.toLowerCase().replace(/\/+$/, '');
  for (const cloud of own ? [own, ...CLOUDS] : CLOUDS) {
    if (cloud.graphResource === wanted) return GLOBAL_RESOURCES.graph;
    if (cloud.exchangeResource === wanted || cloud.exchangeAppResource === wanted) return GLOBAL_RESOURCES.exchange;
  }
  return null;
}
