import 'server-only';
import { decryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import type { TenantCloud } from '@/lib/entra/clouds';
import { credentialDestinations } from './credential-destinations';

export type SecretForVerify = { ok: true; clientSecret: string } | { ok: false; fieldError: string };

/**
 * Verify credentials: the secret typed in the form, or — left blank on a saved tenant — the stored one, but only
 * when the form still points at the cloud and authority host it was stored for. Otherwise a rogue administrator
 * could type their own host and receive the secret.
 */
export async function secretForVerify(
  input: TenantCloud & { id?: string; clientSecret?: string },
): Promise<SecretForVerify> {
  if (input.clientSecret) return { ok: true, clientSecret: input.clientSecret };
  const stored = input.id
    ? await db().tenant.findUnique({
        where: { id: input.id },
        select: { name: true, cloud: true, authorityHost: true, graphBaseUrl: true, clientSecret: true },
      })
    : null;
  if (!stored?.clientSecret) return { ok: false, fieldError: 'Enter the client secret’s Value to verify it' };
  const saved = credentialDestinations(stored);
  const typed = credentialDestinations(input);
  if (saved.cloud !== typed.cloud || saved.authority !== typed.authority) {
    return {
      ok: false,
      fieldError: `Enter the client secret to verify it at ${typed.authorityHost}: the stored one is only sent to ${saved.authorityHost}`,
    };
  }
  return {
    ok: true,
    clientSecret: decryptSecret(stored.clientSecret, 'Tenant.clientSecret', `Tenant '${stored.name}' client secret`),
  };
}
