'use server';
import { revalidatePath } from 'next/cache';
import { adminAction } from '@/lib/actions/define-action';
import {
  credentialTypeSchema,
  generateCertificateSchema,
  uploadCertificateSchema,
} from '@/lib/tenants/certificate-schemas';
import { generateTenantCertificate } from '@/lib/tenants/generate-tenant-certificate';
import type { PublicTenant } from '@/lib/tenants/tenant-fields';
import { setTenantCredentialType } from '@/lib/tenants/set-tenant-credential-type';
import { uploadTenantCertificate } from '@/lib/tenants/upload-tenant-certificate';

const LIST = '/integration/service-connections/tenants';

// The audit entry names the certificate by thumbprint and expiry; the key never reaches it.
function certificateDetails(tenant: PublicTenant) {
  return {
    name: tenant.name,
    thumbprintSha256: tenant.certificateThumbprint,
    validUntil: tenant.certificateExpiresAt?.toISOString().slice(0, 10) ?? null,
  };
}

const UPLOAD_HINT = 'Upload the public certificate (.cer) under Certificates & secrets → Certificates in Azure.';

// POST (form) - tenant page → Generate certificate
export const generateCertificateAction = adminAction(
  generateCertificateSchema,
  { action: 'tenant.certificate.generate', target: 'tenant' },
  async ({ id, validityDays }, ctx) => {
    ctx.audit.target = id;
    const result = await generateTenantCertificate(id, validityDays);
    if (!result.ok) return { status: 'error', message: result.message };
    ctx.audit.summary = `Certificate generated for tenant ${result.tenant.name} (${validityDays} days)`;
    ctx.audit.details = certificateDetails(result.tenant);
    revalidatePath(`${LIST}/${id}`);
    return { status: 'success', message: `Certificate generated and now in use. ${UPLOAD_HINT}` };
  },
);

// POST (form) - tenant page → Upload certificate (PEM with its key, or PFX with its password)
export const uploadCertificateAction = adminAction(
  uploadCertificateSchema,
  { action: 'tenant.certificate.upload', target: 'tenant' },
  async (input, ctx) => {
    ctx.audit.target = input.id;
    const result = await uploadTenantCertificate(input);
    if (!result.ok) {
      ctx.audit.summary = `Certificate upload refused: ${result.message}`;
      return { status: 'error', message: result.message };
    }
    ctx.audit.summary = `Certificate uploaded for tenant ${result.tenant.name} (${input.format.toUpperCase()})`;
    ctx.audit.details = certificateDetails(result.tenant);
    revalidatePath(`${LIST}/${input.id}`);
    return { status: 'success', message: `Certificate stored and now in use. ${UPLOAD_HINT}` };
  },
);

// POST (form) - tenant page → use the client secret / the certificate
export const setCredentialTypeAction = adminAction(
  credentialTypeSchema,
  { action: 'tenant.credential.switch', target: 'tenant' },
  async ({ id, credentialType }, ctx) => {
    ctx.audit.target = id;
    const result = await setTenantCredentialType(id, credentialType);
    if (!result.ok) return { status: 'error', message: result.message };
    ctx.audit.summary = `Tenant ${result.tenant.name} now authenticates with its ${credentialType === 'secret' ? 'client secret' : 'certificate'}`;
    revalidatePath(`${LIST}/${id}`);
    return { status: 'success', message: ctx.audit.summary };
  },
);
