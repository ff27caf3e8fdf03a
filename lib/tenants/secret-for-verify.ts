import 'server-only';
import { decryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import type { TenantCloud } from '@/lib/entra/clouds';
import type { TenantCredential } from '@/lib/entra/msal-client-credential';
import { credentialDestinations } from './credential-destinations';

export type SecretForVerify = { ok: true; credential: TenantCredential } | { ok: false; fieldError: string };

/**
 * Verify credentials: the secret typed in the form, or — left blank on a saved tenant — the stored credential (its
 * certificate when the tenant uses one, else its secret), but only when the form still points at the cloud and
 * authority host it was stored for. Otherwise a rogue administrator could type their own host and receive the secret
 * (or an assertion signed with the certificate's key).
 */
export async function secretForVerify(
  input: TenantCloud & { id?: string; clientSecret?: string },
): Promise<SecretForVerify> {
  if (input.clientSecret) return { ok: true, credential: { kind: 'secret', clientSecret: input.clientSecret } };
  const stored = input.id
    ? await db().tenant.findUnique({
        where: { id: input.id },
        select: {
          name: true,
          cloud: true,
          authorityHost: true,
          graphBaseUrl: true,
          clientSecret: true,
          credentialType: true,
          certificatePem: true,
          certificatePrivateKey: true,
          certificateThumbprint: true,
        },
      })
    : null;
  const certificate =
    stored?.credentialType === 'certificate' &&
    stored.certificatePem &&
    stored.certificatePrivateKey &&
    stored.certificateThumbprint;
  if (!stored || (!certificate && !stored.clientSecret)) {
    return { ok: false, fieldError: 'Enter the client secret’s Value to verify it' };
  }
  const saved = credentialDestinations(stored);
  const typed = credentialDestinations(input);
  if (saved.cloud !== typed.cloud || saved.authority !== typed.authority) {
    return {
      ok: false,
      fieldError: `Enter the client secret to verify it at ${typed.authorityHost}: the stored ${certificate ? 'certificate is only used with' : 'one is only sent to'} ${saved.authorityHost}`,
    };
  }
  if (stored.credentialType === 'certificate' && stored.certificatePem && stored.certificatePrivateKey) {
    return {
      ok: true,
      credential: {
        kind: 'certificate',
        certificatePem: stored.certificatePem,
        thumbprintSha256: stored.certificateThumbprint ?? '',
        privateKey: decryptSecret(
          stored.certificatePrivateKey,
          'Tenant.certificatePrivateKey',
          `Tenant '${stored.name}' certificate private key`,
        ),
      },
    };
  }
  return {
    ok: true,
    credential: {
      kind: 'secret',
      clientSecret: decryptSecret(
        stored.clientSecret ?? '',
        'Tenant.clientSecret',
        `Tenant '${stored.name}' client secret`,
      ),
    },
  };
}
