'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction } from '@/lib/actions/define-action';
import { createTenant } from '@/lib/tenants/create-tenant';
import { deleteTenant } from '@/lib/tenants/delete-tenant';
import { createTenantSchema, tenantIdSchema, updateTenantSchema, verifyTenantSchema } from '@/lib/tenants/schemas';
import { tenantAuditDetails } from '@/lib/tenants/tenant-audit-details';
import { updateTenant } from '@/lib/tenants/update-tenant';
import { verifyTenantForm } from '@/lib/tenants/verify-tenant-form';

const LIST = '/integration/service-connections/tenants';

// POST (form) - Add Tenant → Save & Close
export const createTenantAction = adminAction(
  createTenantSchema,
  { action: 'tenant.create', target: 'tenant' },
  async (input, ctx) => {
    const result = await createTenant(input);
    if (!result.ok)
      return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: result.fieldErrors };
    ctx.audit.target = result.tenant.id;
    ctx.audit.summary = `Tenant ${result.tenant.name} added`;
    ctx.audit.details = tenantAuditDetails(result.tenant);
    revalidatePath(LIST);
    // A certificate tenant continues on its page, where the certificate is generated or uploaded.
    redirect(input.credentialType === 'certificate' ? `${LIST}/${result.tenant.id}` : LIST);
  },
);

// POST (form) - edit a tenant → Save & Close; a blank Client Secret keeps the stored one
export const updateTenantAction = adminAction(
  updateTenantSchema,
  { action: 'tenant.update', target: 'tenant' },
  async (input, ctx) => {
    ctx.audit.target = input.id;
    const result = await updateTenant(input);
    if (!result.ok)
      return {
        status: 'error',
        message: result.message ?? 'Check the highlighted fields.',
        fieldErrors: result.fieldErrors,
      };
    const notes = [
      result.changed.includes('clientSecret') ? 'client secret replaced' : '',
      result.changed.includes('clientSecretDropped') ? 'stored client secret dropped (certificate in use)' : '',
      result.authorityHost ? `sign-in host now ${result.authorityHost.to}` : '',
      result.graphHost ? `Graph host now ${result.graphHost.to}` : '',
      result.resources ? `resources now ${result.resources.to}` : '',
      result.signInsDropped ? `${result.signInsDropped} sign-in${result.signInsDropped === 1 ? '' : 's'} dropped` : '',
    ].filter(Boolean);
    ctx.audit.summary = `Tenant ${result.name} updated${notes.length ? ` (${notes.join('; ')})` : ''}`;
    // Where the credentials now go, by host, whenever that changed.
    ctx.audit.details = {
      ...tenantAuditDetails({ ...input, clientSecretExpiresAt: input.expiresOn }),
      changed: result.changed,
      renamedConnections: result.renamedConnections,
      ...(result.authorityHost ? { authorityHost: result.authorityHost } : {}),
      ...(result.graphHost ? { graphHost: result.graphHost } : {}),
      ...(result.resources ? { resources: result.resources } : {}),
      signInsDropped: result.signInsDropped,
    };
    revalidatePath(LIST);
    redirect(LIST);
  },
);

// POST (form) - delete a tenant; refused while connections use it
export const deleteTenantAction = adminAction(
  tenantIdSchema,
  { action: 'tenant.delete', target: 'tenant' },
  async ({ id }, ctx) => {
    ctx.audit.target = id;
    const result = await deleteTenant(id);
    if (!result.ok) {
      ctx.audit.summary = result.message;
      return { status: 'error', message: result.message };
    }
    ctx.audit.summary = `Tenant ${result.name} deleted`;
    revalidatePath(LIST);
    redirect(LIST);
  },
);

// POST (action) - Verify credentials: a client-credentials token request with the values in the form
export const verifyTenantAction = adminAction(
  verifyTenantSchema,
  { action: 'tenant.verify', target: 'tenant' },
  async (input, ctx) => {
    ctx.audit.target = input.id ?? null;
    const result = await verifyTenantForm(input);
    if (result.kind === 'secret-needed')
      return {
        status: 'error',
        message: 'Check the highlighted fields.',
        fieldErrors: { clientSecret: result.fieldError },
      };
    ctx.audit.details = { authorityHost: result.authorityHost };
    ctx.audit.summary = result.ok
      ? `Credentials of tenant ${input.name} verified`
      : `Credentials of tenant ${input.name} refused: ${result.error.code ?? result.error.error}`;
    if (result.ok) return { status: 'success', message: result.summary };
    const { error } = result;
    const parts = [
      error.description || error.error,
      error.explanation ? `What it means: ${error.explanation.meaning}` : '',
      error.explanation ? `How to fix it: ${error.explanation.fix}` : '',
    ];
    return { status: 'error', message: parts.filter(Boolean).join(' — ') };
  },
);
