import crypto from 'node:crypto';
import type { Configuration, INetworkModule } from '@azure/msal-node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { testConnection } from '@/lib/composition/test-connection';
import { connectionFit } from '@/lib/connections/connection-fit';
import { createConnection } from '@/lib/connections/create-connection';
import { getConnectionFacts } from '@/lib/connections/get-connection-facts';
import { createConnectionSchema } from '@/lib/connections/schemas';
import { db } from '@/lib/db/prisma';
import { completeAuthorization } from '@/lib/entra/complete-authorization';
import { getAccessToken } from '@/lib/entra/get-access-token';
import { startAuthorization } from '@/lib/entra/start-authorization';
import { verifyTenantCredentials } from '@/lib/entra/verify-tenant-credentials';
import { ensureBuiltInServices } from '@/lib/services/ensure-built-in-services';
import { createTenant } from '@/lib/tenants/create-tenant';
import { createTenantSchema } from '@/lib/tenants/schemas';
import { CapturedIdentityPlatform } from '../../support/captured-identity-platform';
import { type TestDatabase, useFreshDatabase } from '../../support/use-database';

// Issue 14 §3, without the network: for each cloud, what leaves Switchboard names that cloud's resources in every
// scope — the authorize URL the popup opens, and the token requests MSAL sends (code redemption, refresh, client
// credentials, Verify credentials), captured through MSAL's own network seam (`system.networkClient`); Test calls
// the cloud's Graph. The expected names are written out here, not read from lib/entra/clouds.ts.

const network = vi.hoisted(() => ({ client: undefined as unknown }));

vi.mock('@azure/msal-node', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@azure/msal-node')>();
  class ConfidentialClientApplication extends actual.ConfidentialClientApplication {
    constructor(configuration: Configuration) {
      super({
        ...configuration,
        system: { ...configuration.system, networkClient: network.client as INetworkModule },
      });
    }
  }
  return { ...actual, ConfidentialClientApplication };
});

interface CloudCase {
  cloud: 'global' | 'usgov' | 'usgov-dod' | 'china' | 'custom';
  authority: string;
  graphBase: string;
  graph: string;
  /** Delegated (SMTP.Send, IMAP) and app-only (.default) Exchange resource. */
  exchange: string;
  exchangeApp: string;
  form?: Record<string, string>;
}

const CASES: CloudCase[] = [
  {
    cloud: 'global',
    authority: 'https://login.microsoftonline.com',
    graphBase: 'https://graph.microsoft.com',
    graph: 'https://graph.microsoft.com',
    exchange: 'https://outlook.office.com',
    exchangeApp: 'https://outlook.office365.com',
  },
  {
    cloud: 'usgov',
    authority: 'https://login.microsoftonline.us',
    graphBase: 'https://graph.microsoft.us',
    graph: 'https://graph.microsoft.us',
    exchange: 'https://outlook.office365.us',
    exchangeApp: 'https://outlook.office365.us',
  },
  {
    cloud: 'usgov-dod',
    authority: 'https://login.microsoftonline.us',
    graphBase: 'https://dod-graph.microsoft.us',
    graph: 'https://dod-graph.microsoft.us',
    exchange: 'https://outlook-dod.office365.us',
    exchangeApp: 'https://outlook-dod.office365.us',
  },
  {
    cloud: 'china',
    authority: 'https://login.chinacloudapi.cn',
    graphBase: 'https://microsoftgraph.chinacloudapi.cn',
    graph: 'https://microsoftgraph.chinacloudapi.cn',
    exchange: 'https://partner.outlook.cn',
    exchangeApp: 'https://partner.outlook.cn',
  },
  {
    cloud: 'custom',
    authority: 'https://login.contoso.test',
    graphBase: 'https://graph-api.contoso.test',
    graph: 'https://graph.contoso.test',
    exchange: 'https://outlook.contoso.test',
    exchangeApp: 'https://outlook.contoso.test',
    form: {
      authorityHost: 'https://login.contoso.test',
      graphBaseUrl: 'https://graph-api.contoso.test',
      graphResource: 'https://graph.contoso.test',
      exchangeResource: 'https://outlook.contoso.test',
    },
  },
];

const GLOBAL_NAMES = ['https://graph.microsoft.com', 'https://outlook.office.com', 'https://outlook.office365.com'];
const OIDC = new Set(['openid', 'profile', 'offline_access', 'email']);
const REDIRECT = 'https://switchboard.contoso.test/wm/externalAuth/redirect.html';

function resourceScopes(scope: string | null): string[] {
  return (scope ?? '').split(' ').filter((s) => s && !OIDC.has(s));
}

/** Every resource scope names `resource`, there is at least one, and none names a global resource of another cloud. */
function expectAllFor(scope: string | null, resource: string, cloud: CloudCase['cloud']) {
  const scopes = resourceScopes(scope);
  expect(scopes.length).toBeGreaterThan(0);
  for (const s of scopes) expect(s.startsWith(`${resource}/`), `${s} should name ${resource}`).toBe(true);
  if (cloud !== 'global')
    for (const s of scopes) for (const name of GLOBAL_NAMES) expect(s.startsWith(`${name}/`)).toBe(false);
}

let database: TestDatabase;
let platform: CapturedIdentityPlatform;

beforeAll(async () => {
  database = await useFreshDatabase('sqlite');
  await ensureBuiltInServices();
});
afterAll(async () => database.cleanup());
beforeEach(() => {
  platform = new CapturedIdentityPlatform();
  network.client = platform;
});
afterEach(() => vi.unstubAllGlobals());

async function tenantIn(c: CloudCase) {
  const input = createTenantSchema.parse({
    name: `${c.cloud} ${crypto.randomBytes(4).toString('hex')}`,
    cloud: c.cloud,
    directoryId: 'contoso.onmicrosoft.us',
    clientId: crypto.randomUUID(),
    clientSecret: `secret~${crypto.randomBytes(12).toString('base64url')}`,
    expiresOn: '',
    ...c.form,
  });
  const created = await createTenant(input);
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  return created.tenant;
}

async function connectionOf(tenantId: string, builtInKey: string, optionalCapabilities = '') {
  const service = await db().service.findUniqueOrThrow({ where: { builtInKey } });
  const made = await createConnection(
    createConnectionSchema.parse({ serviceId: service.id, tenantId, optionalCapabilities }),
  );
  if (!made.ok) throw new Error(JSON.stringify(made));
  return made.id;
}

/** Setup Authentication as the popup does it: the URL it opens, then Microsoft's answer on the redirect page. */
async function signIn(connectionId: string) {
  const browserBinding = crypto.randomBytes(16).toString('hex');
  const { url } = await startAuthorization({ connectionId, redirectUri: REDIRECT, browserBinding });
  const popup = new URL(url);
  platform.nonce = popup.searchParams.get('nonce') ?? undefined;
  const outcome = await completeAuthorization({
    state: popup.searchParams.get('state'),
    code: `code-${crypto.randomBytes(8).toString('hex')}`,
    error: null,
    errorDescription: null,
    browserBinding,
  });
  return { popup, outcome };
}

describe.each(CASES)('a tenant in the $cloud cloud', (c) => {
  it('opens the popup at its sign-in host with its own resource in every scope', async () => {
    const tenant = await tenantIn(c);
    for (const [key, optional, resource] of [
      ['graph-mail', 'graph-send-shared', c.graph],
      ['m365-mailbox', '', c.graph],
      ['exchange-smtp', 'imap', c.exchange],
    ] as const) {
      const connectionId = await connectionOf(tenant.id, key, optional);
      const { url } = await startAuthorization({ connectionId, redirectUri: REDIRECT, browserBinding: 'b' });
      const popup = new URL(url);
      expect(popup.origin).toBe(c.authority);
      expect(popup.pathname).toBe('/contoso.onmicrosoft.us/oauth2/v2.0/authorize');
      expectAllFor(popup.searchParams.get('scope'), resource, c.cloud);
    }
    // The optional capabilities are mapped too: both SMTP and IMAP, both Mail.Send and Mail.Send.Shared.
    expect(platform.requests.every((r) => r.url.origin === c.authority)).toBe(true);
  });

  it('redeems the code and refreshes with the same resources, and Test calls its Graph', async () => {
    const tenant = await tenantIn(c);
    const graphId = await connectionOf(tenant.id, 'graph-mail');
    const { outcome } = await signIn(graphId);
    expect(outcome).toMatchObject({ ok: true, missingScopes: [] });
    const [redeemed] = platform.tokenRequests('authorization_code');
    expectAllFor(redeemed?.get('scope') ?? null, c.graph, c.cloud);

    const refreshed = await getAccessToken(graphId, { forceRefresh: true });
    if (!refreshed.ok) throw new Error(refreshed.message);
    expect(refreshed.resource).toBe(c.graph);
    expect(refreshed.connection.endpoints.graphBaseUrl).toBe(c.graphBase);
    const [refresh] = platform.tokenRequests('refresh_token');
    expectAllFor(refresh?.get('scope') ?? null, c.graph, c.cloud);

    // The lists judge the connection by what was granted, in any cloud's names.
    const [facts] = await getConnectionFacts([graphId]);
    expect(facts && connectionFit('graph-send', facts.facts)).toEqual({ usable: true, warning: null });

    const graphCalls: { url: string; audience: unknown }[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const token = (request.headers.get('authorization') ?? '').replace(/^Bearer /, '');
      const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString() || '{}') as {
        aud?: unknown;
      };
      graphCalls.push({ url: request.url, audience: claims.aud });
      return Response.json({ displayName: 'Adele Vance', mail: 'adele@contoso.onmicrosoft.us' });
    });
    const tested = await testConnection(graphId);
    expect(tested.summary).toMatch(/^Graph \/me answered: Adele Vance/);
    expect(tested.ok).toBe(true);
    expect(graphCalls).toHaveLength(1);
    expect(new URL(graphCalls[0]?.url ?? '').origin).toBe(c.graphBase);
    expect(new URL(graphCalls[0]?.url ?? '').pathname).toBe('/v1.0/me');
    expect(graphCalls[0]?.audience).toBe(c.graph);
    expectAllFor(platform.tokenRequests('refresh_token').at(-1)?.get('scope') ?? null, c.graph, c.cloud);

    const smtpId = await connectionOf(tenant.id, 'exchange-smtp', 'imap');
    platform.requests.length = 0;
    expect((await signIn(smtpId)).outcome).toMatchObject({ ok: true, missingScopes: [] });
    expectAllFor(platform.tokenRequests('authorization_code')[0]?.get('scope') ?? null, c.exchange, c.cloud);
    const exchange = await getAccessToken(smtpId, { api: 'exchange', forceRefresh: true });
    if (!exchange.ok) throw new Error(exchange.message);
    expect(exchange.resource).toBe(c.exchange);
    expectAllFor(platform.tokenRequests('refresh_token')[0]?.get('scope') ?? null, c.exchange, c.cloud);
    const [smtpFacts] = await getConnectionFacts([smtpId]);
    expect(smtpFacts && connectionFit('smtp-send', smtpFacts.facts)).toEqual({ usable: true, warning: null });

    for (const request of platform.requests) expect(request.url.origin).toBe(c.authority);
  });

  it('asks client-credentials tokens, and Verify credentials, for {resource}/.default', async () => {
    const tenant = await tenantIn(c);
    const appId = await connectionOf(tenant.id, 'client-credentials');
    const graph = await getAccessToken(appId, { api: 'graph', forceRefresh: true });
    const exchange = await getAccessToken(appId, { api: 'exchange', forceRefresh: true });
    expect(graph).toMatchObject({ ok: true, resource: c.graph });
    expect(exchange).toMatchObject({ ok: true, resource: c.exchangeApp });
    expect(await verifyTenantCredentials(tenant.id)).toMatchObject({ ok: true });
    const scopes = platform.tokenRequests('client_credentials').map((form) => form.get('scope'));
    expect(scopes).toEqual([`${c.graph}/.default`, `${c.exchangeApp}/.default`, `${c.graph}/.default`]);
    for (const request of platform.requests) expect(request.url.origin).toBe(c.authority);
    // The roles are recorded under the API's global name whatever the cloud calls it (the lists read them so).
    const row = await db().serviceConnection.findUniqueOrThrow({ where: { id: appId } });
    expect(JSON.parse(row.appRoles ?? '{}')).toMatchObject({
      'https://graph.microsoft.com': ['Mail.Send', 'Mail.ReadWrite'],
      'https://outlook.office.com': ['SMTP.SendAsApp'],
    });
  });
});
