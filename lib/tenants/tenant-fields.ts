import 'server-only';
import type { Prisma } from '@/lib/db/generated/sqlite/client';

// The only tenant columns a read may return. `clientSecret` (the ciphertext) is deliberately absent: every read that
// reaches a page selects through this object, so neither the secret nor its ciphertext can reach the browser.
export const TENANT_PUBLIC_FIELDS = {
  id: true,
  name: true,
  cloud: true,
  authorityHost: true,
  graphBaseUrl: true,
  graphResource: true,
  exchangeResource: true,
  directoryId: true,
  clientId: true,
  clientSecretHint: true,
  clientSecretSetAt: true,
  clientSecretExpiresAt: true,
  credentialType: true,
  // What is read from the certificate. Its PEM is read only for the download (tenant-certificate-file.ts); its private
  // key (certificatePrivateKey) is never selected here.
  certificateThumbprint: true,
  certificateExpiresAt: true,
  certificateSetAt: true,
  lastVerifiedAt: true,
  lastVerifyError: true,
  adminConsentGrantedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.TenantSelect;

export type PublicTenant = Prisma.TenantGetPayload<{ select: typeof TENANT_PUBLIC_FIELDS }>;
