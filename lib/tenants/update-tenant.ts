import 'server-only';
import { followParentRename } from '@/lib/connections/follow-parent-rename';
import { SIGNED_OUT } from '@/lib/connections/signed-out';
import { db } from '@/lib/db/prisma';
import { isUniqueViolation } from '@/lib/db/errors';
import { forgetAccessTokens } from '@/lib/entra/recent-access-tokens';
import { credentialDestinations } from './credential-destinations';
import { TENANT_NAME_TAKEN, type UpdateTenantInput } from './schemas';
import { tenantSecretFields } from './tenant-secret-fields';

/** A destination that changed, by host, for the audit log. */
export interface HostChange {
  from: string;
  to: string;
}

export type UpdateTenantResult =
  | {
      ok: true;
      name: string;
      changed: string[];
      renamedConnections: number;
      authorityHost?: HostChange;
      graphHost?: HostChange;
      /** The resource names (Custom cloud) changed: Graph's then Exchange's, before and after. */
      resources?: HostChange;
      /** Connections whose sign-in was dropped because a destination of their tokens changed. */
      signInsDropped: number;
    }
  | { ok: false; message?: string; fieldErrors?: Record<string, string> };

const COMPARED = [
  'name',
  'cloud',
  'authorityHost',
  'graphBaseUrl',
  'graphResource',
  'exchangeResource',
  'directoryId',
  'clientId',
] as const;

class ChangedMeanwhile extends Error {}

function sameDay(a: Date | null, b: Date | null): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}

/**
 * Saves a tenant's form. A blank Client Secret keeps the stored one — unless the cloud or authority host changed:
 * the stored secret is only ever sent to the host it was entered for, so a new host needs it typed again. A new
 * authority host or Graph base URL drops the sign-ins of the tenant's connections (refresh tokens go to the one,
 * access tokens to the other), and so do new resource names (a Custom cloud's): the consent was given to, and the
 * granted scopes name, the old APIs. The secret stays: it goes to the authority host, which did not change.
 * Returns the names of the changed fields and hosts, never secret values.
 */
export async function updateTenant(input: UpdateTenantInput): Promise<UpdateTenantResult> {
  const current = await db().tenant.findUnique({
    where: { id: input.id },
    select: {
      id: true,
      name: true,
      cloud: true,
      authorityHost: true,
      graphBaseUrl: true,
      graphResource: true,
      exchangeResource: true,
      directoryId: true,
      clientId: true,
      clientSecret: true,
      clientSecretExpiresAt: true,
      credentialType: true,
    },
  });
  if (!current) return { ok: false, message: 'This tenant no longer exists.' };

  const before = credentialDestinations(current);
  const after = credentialDestinations(input);
  const authorityMoved = before.cloud !== after.cloud || before.authority !== after.authority;
  const graphMoved = before.graph !== after.graph;
  const resourcesMoved = before.resources !== after.resources;
  // A certificate's assertions name the token endpoint they are for (aud), so one sent to a new host is useless at the
  // old one: a certificate tenant may move without retyping anything. Its stored secret, if any, is then dropped, so
  // that switching back to it can never send it to a host it was not entered for.
  const dropSecret = authorityMoved && !input.clientSecret && current.credentialType === 'certificate';
  if (authorityMoved && !input.clientSecret && !dropSecret) {
    return {
      ok: false,
      fieldErrors: {
        clientSecret: `Enter the client secret again: the sign-in host is now ${after.authorityHost}, and the stored secret is only ever sent to ${before.authorityHost}`,
      },
    };
  }

  const changed: string[] = COMPARED.filter((field) => current[field] !== input[field]);
  if (!sameDay(current.clientSecretExpiresAt, input.expiresOn)) changed.push('clientSecretExpiresAt');
  if (input.clientSecret) changed.push('clientSecret');
  if (dropSecret && current.clientSecret) changed.push('clientSecretDropped');
  const credentialsChanged = changed.some((field) => field !== 'name' && field !== 'clientSecretExpiresAt');
  const dropSignIns = authorityMoved || graphMoved || resourcesMoved;
  // Another app registration (or directory) has its own enterprise application and its own admin consent.
  const registrationChanged =
    authorityMoved || current.clientId !== input.clientId || current.directoryId !== input.directoryId;

  try {
    const { renamedConnections, signedOut } = await db().$transaction(async (tx) => {
      // Only over the destinations and secret this decision was made on: a save that raced another (which moved the
      // host, or replaced the secret) must not pair a secret with a host it was not entered for.
      const { count } = await tx.tenant.updateMany({
        where: {
          id: input.id,
          cloud: current.cloud,
          authorityHost: current.authorityHost,
          graphBaseUrl: current.graphBaseUrl,
          graphResource: current.graphResource,
          exchangeResource: current.exchangeResource,
          clientSecret: current.clientSecret,
        },
        data: {
          name: input.name,
          cloud: input.cloud,
          authorityHost: input.authorityHost,
          graphBaseUrl: input.graphBaseUrl,
          graphResource: input.graphResource,
          exchangeResource: input.exchangeResource,
          directoryId: input.directoryId,
          clientId: input.clientId,
          clientSecretExpiresAt: input.expiresOn,
          ...(input.clientSecret ? tenantSecretFields(input.clientSecret) : {}),
          ...(dropSecret ? { clientSecret: null, clientSecretHint: null, clientSecretSetAt: null } : {}),
          // A verification proves one set of credentials; it says nothing about new ones.
          ...(credentialsChanged ? { lastVerifiedAt: null, lastVerifyError: null } : {}),
          ...(registrationChanged ? { adminConsentGrantedAt: null } : {}),
        },
      });
      if (count === 0) throw new ChangedMeanwhile();
      if (registrationChanged)
        await tx.serviceConnection.updateMany({
          where: { tenantId: input.id },
          data: { servicePrincipalId: null, servicePrincipalIdAt: null },
        });
      const connections = dropSignIns
        ? await tx.serviceConnection.findMany({
            where: { tenantId: input.id },
            select: { id: true, state: true, tokenCache: true },
          })
        : [];
      if (dropSignIns && connections.length) {
        const ids = connections.map((c) => c.id);
        await tx.serviceConnection.updateMany({ where: { id: { in: ids } }, data: SIGNED_OUT });
        // A sign-in link sent before the move would sign in against the new host without the administrator's say.
        await tx.signInLink.updateMany({
          where: { connectionId: { in: ids }, usedAt: null, revokedAt: null },
          data: { revokedAt: new Date() },
        });
      }
      const renamed =
        current.name === input.name ? 0 : await followParentRename(tx, { tenantId: input.id, tenantName: input.name });
      return { renamedConnections: renamed, signedOut: connections };
    });
    for (const { id } of signedOut) forgetAccessTokens(id);
    return {
      ok: true,
      name: input.name,
      changed,
      renamedConnections,
      ...(authorityMoved ? { authorityHost: { from: before.authorityHost, to: after.authorityHost } } : {}),
      ...(graphMoved ? { graphHost: { from: before.graphHost, to: after.graphHost } } : {}),
      ...(resourcesMoved ? { resources: { from: before.resources, to: after.resources } } : {}),
      signInsDropped: signedOut.filter((c) => c.tokenCache !== null || c.state !== 'not_authenticated').length,
    };
  } catch (error) {
    if (error instanceof ChangedMeanwhile)
      return {
        ok: false,
        message: 'Someone changed this tenant’s hosts or secret meanwhile: reload the page and try again.',
      };
    if (!isUniqueViolation(error)) throw error;
    const taken = await db().tenant.findFirst({
      where: { name: input.name, id: { not: input.id } },
      select: { id: true },
    });
    return {
      ok: false,
      fieldErrors: {
        name: taken
          ? TENANT_NAME_TAKEN
          : 'Renaming would give one of this tenant’s connections the name of another connection',
      },
    };
  }
}
