import 'server-only';
import { db } from '@/lib/db/prisma';
import { credentialTarget } from './credential-target';

export interface TenantRotation {
  tenantId: string;
  clientId: string;
  /** The credential in use now. */
  current: { kind: 'secret' | 'certificate'; hint: string | null; expiresAt: Date | null };
  /** The new credential waiting to be verified and switched to; what names it, never its value. */
  pending: {
    kind: 'secret' | 'certificate';
    hint: string | null;
    expiresAt: Date | null;
    addedAt: Date;
    verifiedAt: Date | null;
    verifyError: string | null;
    /** The tenant's host, Tenant ID or Client ID changed since it was added: it can only be cancelled. */
    stale: boolean;
  } | null;
  /** The credential replaced by the last switch, until the reminder to delete it in Azure is dismissed. */
  retired: { kind: 'secret' | 'certificate'; hint: string | null; expiresAt: Date | null; at: Date } | null;
}

const kindOf = (value: string | null) => (value === 'certificate' ? 'certificate' : 'secret');

/** What the tenant page's Rotate credential section shows; no secret, no ciphertext, no key. */
export async function getTenantRotation(tenantId: string): Promise<TenantRotation | null> {
  const t = await db().tenant.findUnique({
    where: { id: tenantId },
    select: {
      id: true,
      cloud: true,
      authorityHost: true,
      graphBaseUrl: true,
      directoryId: true,
      clientId: true,
      credentialType: true,
      clientSecretHint: true,
      clientSecretExpiresAt: true,
      certificateThumbprint: true,
      certificateExpiresAt: true,
      pendingCredentialType: true,
      pendingClientSecretHint: true,
      pendingClientSecretExpiresAt: true,
      pendingCertificateThumbprint: true,
      pendingCertificateExpiresAt: true,
      pendingCredentialSetAt: true,
      pendingCredentialFor: true,
      pendingVerifiedAt: true,
      pendingVerifyError: true,
      retiredCredentialType: true,
      retiredCredentialHint: true,
      retiredCredentialExpiresAt: true,
      retiredCredentialAt: true,
    },
  });
  if (!t) return null;
  const currentKind = kindOf(t.credentialType);
  const pendingKind = kindOf(t.pendingCredentialType);
  return {
    tenantId: t.id,
    clientId: t.clientId,
    current:
      currentKind === 'certificate'
        ? { kind: currentKind, hint: t.certificateThumbprint, expiresAt: t.certificateExpiresAt }
        : { kind: currentKind, hint: t.clientSecretHint, expiresAt: t.clientSecretExpiresAt },
    pending:
      t.pendingCredentialType && t.pendingCredentialSetAt
        ? {
            kind: pendingKind,
            hint: pendingKind === 'certificate' ? t.pendingCertificateThumbprint : t.pendingClientSecretHint,
            expiresAt: pendingKind === 'certificate' ? t.pendingCertificateExpiresAt : t.pendingClientSecretExpiresAt,
            addedAt: t.pendingCredentialSetAt,
            verifiedAt: t.pendingVerifiedAt,
            verifyError: t.pendingVerifyError,
            stale: t.pendingCredentialFor !== credentialTarget(t),
          }
        : null,
    retired:
      t.retiredCredentialType && t.retiredCredentialAt
        ? {
            kind: kindOf(t.retiredCredentialType),
            hint: t.retiredCredentialHint,
            expiresAt: t.retiredCredentialExpiresAt,
            at: t.retiredCredentialAt,
          }
        : null,
  };
}
