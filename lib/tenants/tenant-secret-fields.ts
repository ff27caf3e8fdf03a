import 'server-only';
import { encryptSecret, secretHint } from '@/lib/crypto/secrets';

/** How a tenant's client secret is stored: the ciphertext, its last four characters, and when it was set. */
export function tenantSecretFields(clientSecret: string) {
  return {
    clientSecret: encryptSecret(clientSecret, 'Tenant.clientSecret'),
    clientSecretHint: secretHint(clientSecret) || null,
    clientSecretSetAt: new Date(),
  };
}
