// The Microsoft clouds a tenant can live in, and where each one's identity platform, Graph and SMTP submission
// endpoints are. Universal (no `server-only`): the tenant form shows these hosts, and MSAL and the mail transports
// resolve a tenant's endpoints through `cloudEndpoints`.

export const CLOUD_IDS = ['global', 'usgov', 'usgov-dod', 'china', 'custom'] as const;
export type CloudId = (typeof CLOUD_IDS)[number];

export interface CloudEndpoints {
  /** Identity platform origin, without a trailing slash: `{authorityHost}/{tenant}/oauth2/v2.0/token`. */
  authorityHost: string;
  /** Graph origin without a version: `{graphBaseUrl}/v1.0/me`. */
  graphBaseUrl: string;
  /** SMTP client submission (`host:port`, STARTTLS), where Microsoft publishes one for the cloud. */
  smtpHost?: string;
}

export interface CloudDefinition extends Partial<CloudEndpoints> {
  id: CloudId;
  label: string;
  /** The cloud's own SMTP submission hosts: the only ones its OAuth tokens are ever sent to (Custom: none known). */
  smtpTokenHosts?: readonly string[];
}

export const CLOUDS: readonly CloudDefinition[] = [
  {
    id: 'global',
    label: 'Global',
    authorityHost: 'https://login.microsoftonline.com',
    graphBaseUrl: 'https://graph.microsoft.com',
    smtpHost: 'smtp.office365.com:587',
    smtpTokenHosts: ['smtp.office365.com', 'outlook.office365.com', 'smtp-hve.office365.com'],
  },
  {
    id: 'usgov',
    label: 'US Government',
    authorityHost: 'https://login.microsoftonline.us',
    graphBaseUrl: 'https://graph.microsoft.us',
    smtpHost: 'smtp.office365.us:587',
    smtpTokenHosts: ['smtp.office365.us'],
  },
  {
    id: 'usgov-dod',
    label: 'US Government DoD',
    authorityHost: 'https://login.microsoftonline.us',
    graphBaseUrl: 'https://dod-graph.microsoft.us',
    smtpHost: 'smtp.office365.us:587',
    smtpTokenHosts: ['smtp.office365.us'],
  },
  {
    id: 'china',
    label: 'China (operated by 21Vianet)',
    authorityHost: 'https://login.chinacloudapi.cn',
    graphBaseUrl: 'https://microsoftgraph.chinacloudapi.cn',
    smtpHost: 'smtp.partner.outlook.cn:587',
    smtpTokenHosts: ['smtp.partner.outlook.cn'],
  },
  // The sandbox and every test use Custom: any host serving the standard Entra v2.0 and Graph v1.0 paths.
  { id: 'custom', label: 'Custom' },
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
}

/** Where to reach Microsoft for this tenant. Throws for a Custom tenant without both URLs (the form requires them). */
export function cloudEndpoints(tenant: TenantCloud): CloudEndpoints {
  if (tenant.cloud === 'custom') {
    if (!tenant.authorityHost || !tenant.graphBaseUrl) {
      throw new Error('A tenant in a Custom cloud needs an authority host and a Graph base URL');
    }
    return { authorityHost: stripSlash(tenant.authorityHost), graphBaseUrl: stripSlash(tenant.graphBaseUrl) };
  }
  const known = CLOUDS.find((cloud) => cloud.id === tenant.cloud);
  if (!known?.authorityHost || !known.graphBaseUrl) throw new Error(`Unknown cloud "${tenant.cloud}"`);
  return { authorityHost: known.authorityHost, graphBaseUrl: known.graphBaseUrl, ...(known.smtpHost ? { smtpHost: known.smtpHost } : {}) };
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/**
 * The resource a Graph token is requested for. The sandbox (Custom) and the Global cloud answer for Microsoft's
 * global name; a national cloud's Graph is its own resource (e.g. https://graph.microsoft.us/.default).
 */
export function graphResourceFor(tenant: TenantCloud): string {
  if (tenant.cloud === 'custom' || tenant.cloud === 'global') return 'https://graph.microsoft.com';
  return cloudEndpoints(tenant).graphBaseUrl;
}

/** The SMTP hosts a tenant's OAuth tokens may be sent to, or null for a Custom cloud (the host saved in the settings). */
export function smtpTokenHostsFor(cloud: string): readonly string[] | null {
  if (cloud === 'custom') return null;
  return CLOUDS.find((c) => c.id === cloud)?.smtpTokenHosts ?? [];
}
