import 'server-only';
import { type VerifyResult, verifyCredentials } from '@/lib/entra/verify-tenant-credentials';
import { credentialDestinations } from './credential-destinations';
import { recordVerifiedServicePrincipal } from './record-verified-service-principal';
import type { VerifyTenantInput } from './schemas';
import { secretForVerify } from './secret-for-verify';

export type VerifyTenantFormResult =
  ({ kind: 'verified' } & VerifyResult & { authorityHost: string }) | { kind: 'secret-needed'; fieldError: string };

/**
 * Verify credentials with the values on the tenant form: the secret typed there, or the stored one where the form
 * still points at the host it was stored for. The stored secret is decrypted here and goes only to Microsoft.
 */
export async function verifyTenantForm(input: VerifyTenantInput): Promise<VerifyTenantFormResult> {
  const secret = await secretForVerify(input);
  if (!secret.ok) return { kind: 'secret-needed', fieldError: secret.fieldError };
  const result = await verifyCredentials({ ...input, credential: secret.credential });
  if (result.ok) await recordVerifiedServicePrincipal(input, result.servicePrincipalId);
  return { kind: 'verified', ...result, authorityHost: credentialDestinations(input).authorityHost };
}
