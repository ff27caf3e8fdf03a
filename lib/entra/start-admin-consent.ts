import 'server-only';
import { db } from '@/lib/db/prisma';
import { tenantEndpoints } from './clouds';
import { randomToken, sha256 } from './pkce';

export const ADMIN_CONSENT_LIFETIME_MS = 10 * 60_000;

export interface StartAdminConsentInput {
  tenantId: string;
  /** The Redirect URI the administrators already registered for Setup Authentication: the answer comes back there. */
  redirectUri: string;
  /** The browser's binding cookie: the answer must come back to the same browser. */
  browserBinding: string;
  administratorId: string;
}

export type StartAdminConsentResult = { ok: true; url: string; tenantName: string } | { ok: false; message: string };

/**
 * Grant admin consent: records a single-use state of its own (hashed, bound to the browser and the tenant, 10 minutes)
 * and returns the v2.0 admin consent URL of the tenant's cloud. The scope is the Graph resource's `/.default`, which
 * Microsoft treats like the v1.0 endpoint: every permission configured on the app registration, application
 * permissions included (Microsoft Learn, "Admin consent on the Microsoft identity platform").
 */
export async function startAdminConsent(input: StartAdminConsentInput): Promise<StartAdminConsentResult> {
  const tenant = await db().tenant.findUnique({
    where: { id: input.tenantId },
    select: { name: true, cloud: true, authorityHost: true, graphBaseUrl: true, directoryId: true, clientId: true },
  });
  if (!tenant) return { ok: false, message: 'The tenant no longer exists.' };
  const endpoints = tenantEndpoints(tenant);
  const state = randomToken();
  await db().adminConsentRequest.create({
    data: {
      stateHash: sha256(state),
      tenantId: input.tenantId,
      browserBindingHash: sha256(input.browserBinding),
      redirectUri: input.redirectUri,
      administratorId: input.administratorId,
      expiresAt: new Date(Date.now() + ADMIN_CONSENT_LIFETIME_MS),
    },
  });
  const url = new URL(`${endpoints.authorityHost}/${encodeURIComponent(tenant.directoryId)}/v2.0/adminconsent`);
  url.searchParams.set('client_id', tenant.clientId);
  url.searchParams.set('scope', `${endpoints.graphResource}/.default`);
  url.searchParams.set('redirect_uri', input.redirectUri);
  url.searchParams.set('state', state);
  return { ok: true, url: url.toString(), tenantName: tenant.name };
}
