import 'server-only';
import { withAppRoles } from './app-roles';
import { db } from '@/lib/db/prisma';
import { GLOBAL_RESOURCES, graphResourceFor } from './clouds';
import { createMsalApp, type TenantCredentials } from './create-msal-app';
import { decodeJwtClaims } from './decode-jwt-claims';
import type { MicrosoftError } from './describe-microsoft-error';
import { explainMsalFailure } from './explain-msal-failure';
import { missingCredentialOf, tenantCredentialsOf } from './tenant-credentials';

export type VerifyResult =
  | { ok: true; summary: string; roles: string[]; servicePrincipalId: string | null }
  | { ok: false; error: MicrosoftError };

/**
 * Verify credentials: a client-credentials token request proves the Tenant ID, the Client ID and the secret in one
 * go (Microsoft answers AADSTS90002, AADSTS700016, AADSTS7000215/7000222 or, for a certificate, AADSTS700027).
 */
export async function verifyCredentials(credentials: TenantCredentials): Promise<VerifyResult> {
  const graphResource = graphResourceFor(credentials);
  try {
    const result = await createMsalApp(credentials).acquireTokenByClientCredential({
      scopes: [`${graphResource}/.default`],
      skipCache: true,
    });
    const claims = decodeJwtClaims(result?.accessToken ?? '');
    const roles = Array.isArray(claims.roles) ? claims.roles.map(String) : [];
    return {
      ok: true,
      roles,
      // `oid` of an app-only token: the enterprise application's object id (see acquire-application-token).
      servicePrincipalId: typeof claims.oid === 'string' && claims.oid ? claims.oid.toLowerCase() : null,
      summary: `Microsoft accepted the Tenant ID, Client ID and ${credentials.credential.kind === 'certificate' ? 'certificate' : 'Client Secret'}.${roles.length ? ` Application permissions: ${roles.join(', ')}.` : ''}`,
    };
  } catch (thrown) {
    return { ok: false, error: await explainMsalFailure(thrown, credentials) };
  }
}

const NO_SECRET: MicrosoftError = {
  error: 'missing_secret',
  description: 'No client secret is stored for this tenant.',
  code: null,
  explanation: null,
  needsReauthentication: false,
};

/** The roles Verify credentials saw are those of every application connection of the tenant (one app registration). */
async function recordGraphRoles(tenantId: string, roles: string[], servicePrincipalId: string | null): Promise<void> {
  const connections = await db().serviceConnection.findMany({
    where: { tenantId, service: { authType: 'application' } },
    select: { id: true, appRoles: true },
  });
  const now = new Date();
  for (const connection of connections) {
    await db().serviceConnection.update({
      where: { id: connection.id },
      data: {
        appRoles: withAppRoles(connection.appRoles, GLOBAL_RESOURCES.graph, roles),
        appRolesAt: now,
        ...(servicePrincipalId ? { servicePrincipalId, servicePrincipalIdAt: now } : {}),
      },
    });
  }
}

/** Verifies a saved tenant and keeps the outcome on it, so the list can show when it was last verified. */
export async function verifyTenantCredentials(tenantId: string): Promise<VerifyResult> {
  const tenant = await db().tenant.findUniqueOrThrow({ where: { id: tenantId } });
  const credentials = tenantCredentialsOf(tenant);
  if (!credentials) return { ok: false, error: { ...NO_SECRET, description: missingCredentialOf(tenant) ?? '' } };
  const result = await verifyCredentials(credentials);
  await db().tenant.update({
    where: { id: tenantId },
    data: result.ok
      ? { lastVerifiedAt: new Date(), lastVerifyError: null }
      : { lastVerifyError: result.error.description || result.error.error },
  });
  if (result.ok) await recordGraphRoles(tenantId, result.roles, result.servicePrincipalId);
  return result;
}
