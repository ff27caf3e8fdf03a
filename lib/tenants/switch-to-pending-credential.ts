import 'server-only';
import { X509Certificate } from 'node:crypto';
import { decryptSecret, encryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { credentialTarget } from './credential-target';
import { pendingCredentialOf } from './pending-credential-of';
import { PENDING_TARGET_MOVED } from './verify-pending-credential';

/** The credential taken out of use, named as Azure lists it, for the reminder to delete it there. */
export interface RetiredCredential {
  kind: 'secret' | 'certificate';
  /**
   * What Certificates & secrets shows of it: a secret's first three characters (its "hint" in Entra, the visible part
   * of the Value column), a certificate's SHA-1 thumbprint.
   */
  hint: string | null;
  expiresOn: string | null;
}

export type SwitchCredentialResult =
  | { ok: true; tenantName: string; now: 'secret' | 'certificate'; retired: RetiredCredential }
  | { ok: false; message: string };

const NO_SECRET = { clientSecret: null, clientSecretHint: null, clientSecretSetAt: null, clientSecretExpiresAt: null };
const NO_CERTIFICATE = {
  certificatePem: null,
  certificatePrivateKey: null,
  certificateThumbprint: null,
  certificateExpiresAt: null,
  certificateSetAt: null,
};
const NO_PENDING = {
  pendingCredentialType: null,
  pendingClientSecret: null,
  pendingClientSecretHint: null,
  pendingClientSecretExpiresAt: null,
  pendingCertificatePem: null,
  pendingCertificatePrivateKey: null,
  pendingCertificateThumbprint: null,
  pendingCertificateExpiresAt: null,
  pendingCredentialSetAt: null,
  pendingCredentialFor: null,
  pendingVerifiedAt: null,
  pendingVerifyError: null,
};

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

function sha1Thumbprint(pem: string | null): string | null {
  return pem ? new X509Certificate(pem).fingerprint.replaceAll(':', '') : null;
}

function azureSecretHint(tenant: { name: string; clientSecret: string | null }): string | null {
  if (!tenant.clientSecret) return null;
  return decryptSecret(tenant.clientSecret, 'Tenant.clientSecret', `Tenant '${tenant.name}' client secret`).slice(0, 3);
}

/**
 * Switch to new credential: the verified pending secret or certificate becomes the one every token is requested
 * with, and of the one it replaces only what names it in Azure is kept (for the reminder). One conditional update
 * over exactly the values this decision read — the current credential, the pending one and its verification, the
 * tenant's destination — so a second switch, a new pending credential or a changed host in between makes it refuse
 * instead of pairing values that were never verified together.
 *
 * Tokens: application tokens are cached per credential (lib/entra/acquire-application-token.ts), so the next one is
 * requested with the new credential; access tokens already issued stay valid until they expire, as in Entra, and
 * refresh tokens are bound to the app, not to one of its secrets, so signed-in connections keep working.
 */
export async function switchToPendingCredential(tenantId: string): Promise<SwitchCredentialResult> {
  const tenant = await db().tenant.findUnique({ where: { id: tenantId } });
  if (!tenant) return { ok: false, message: 'The tenant no longer exists.' };
  const kind = tenant.pendingCredentialType;
  if ((kind !== 'secret' && kind !== 'certificate') || !tenant.pendingCredentialSetAt)
    return { ok: false, message: 'There is no new credential to switch to: add one first.' };
  if (!tenant.pendingVerifiedAt)
    return {
      ok: false,
      message: 'Verify the new credential first: Switch is possible only once Microsoft has accepted it.',
    };
  if (tenant.pendingCredentialFor !== credentialTarget(tenant)) return { ok: false, message: PENDING_TARGET_MOVED };

  const oldKind = tenant.credentialType === 'certificate' ? 'certificate' : 'secret';
  const retired: RetiredCredential =
    oldKind === 'certificate'
      ? { kind: oldKind, hint: sha1Thumbprint(tenant.certificatePem), expiresOn: day(tenant.certificateExpiresAt) }
      : { kind: oldKind, hint: azureSecretHint(tenant), expiresOn: day(tenant.clientSecretExpiresAt) };
  // Each ciphertext is bound to its column (the context is authenticated), so the new credential is encrypted again
  // for the current one; the conditional update below still compares the pending ciphertext as read.
  const credential = pendingCredentialOf(tenant);
  if (!credential) return { ok: false, message: 'There is no new credential to switch to: add one first.' };
  const now = new Date();
  const installed =
    credential.kind === 'secret'
      ? {
          ...(oldKind === 'certificate' ? NO_CERTIFICATE : {}),
          clientSecret: encryptSecret(credential.clientSecret, 'Tenant.clientSecret'),
          clientSecretHint: tenant.pendingClientSecretHint,
          clientSecretSetAt: now,
          clientSecretExpiresAt: tenant.pendingClientSecretExpiresAt,
        }
      : {
          ...(oldKind === 'secret' ? NO_SECRET : {}),
          certificatePem: tenant.pendingCertificatePem,
          certificatePrivateKey: encryptSecret(credential.privateKey, 'Tenant.certificatePrivateKey'),
          certificateThumbprint: tenant.pendingCertificateThumbprint,
          certificateExpiresAt: tenant.pendingCertificateExpiresAt,
          certificateSetAt: now,
        };
  const { count } = await db().tenant.updateMany({
    where: {
      id: tenantId,
      cloud: tenant.cloud,
      authorityHost: tenant.authorityHost,
      directoryId: tenant.directoryId,
      clientId: tenant.clientId,
      credentialType: tenant.credentialType,
      clientSecret: tenant.clientSecret,
      certificatePrivateKey: tenant.certificatePrivateKey,
      pendingCredentialSetAt: tenant.pendingCredentialSetAt,
      pendingClientSecret: tenant.pendingClientSecret,
      pendingCertificatePrivateKey: tenant.pendingCertificatePrivateKey,
      pendingVerifiedAt: tenant.pendingVerifiedAt,
    },
    data: {
      ...installed,
      ...NO_PENDING,
      credentialType: credential.kind,
      lastVerifiedAt: tenant.pendingVerifiedAt,
      lastVerifyError: null,
      retiredCredentialType: retired.kind,
      retiredCredentialHint: retired.hint,
      retiredCredentialExpiresAt:
        oldKind === 'certificate' ? tenant.certificateExpiresAt : tenant.clientSecretExpiresAt,
      retiredCredentialAt: now,
    },
  });
  if (count === 0)
    return {
      ok: false,
      message: 'The tenant’s credential changed meanwhile (switched or replaced elsewhere): reload the page.',
    };
  return { ok: true, tenantName: tenant.name, now: credential.kind, retired };
}
