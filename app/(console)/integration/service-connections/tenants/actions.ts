'use server';
import { verifyCredentials } from '@/lib/entra/verify-tenant-credentials';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction } from '@/lib/actions/define-action';
import { createTenant } from '@/lib/tenants/create-tenant';
import { credentialDestinations } from '@/lib/tenants/credential-destinations';
import { deleteTenant } from '@/lib/tenants/delete-tenant';
import { secretForVerify } from '@/lib/tenants/secret-for-verify';
import { createTenantSchema, tenantIdSchema, updateTenantSchema, verifyTenantSchema } from '@/lib/tenants/schemas';
import { tenantAuditDetails } from '@/lib/tenants/tenant-audit-details';
import { updateTenant } from '@/lib/tenants/update-tenant';

const LIST = '/integration/service-connections/tenants';

// POST (form) - Add Tenant → Save & Close
export const createTenantAction = adminAction(createTenantSchema, async (input, ctx) => {
  const result = await createTenant(input);
  if (!result.ok) return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: result.fieldErrors };
  await ctx.audit({
    action: 'tenant.create',
    target: { type: 'tenant', id: result.tenant.id },
    summary: `Tenant ${result.tenant.name} added`,
    details: tenantAuditDetails(result.tenant),
  });
  revalidatePath(LIST);
  redirect(LIST);
});

// POST (form) - edit a tenant → Save & Close; a blank Client Secret keeps the stored one
export const updateTenantAction = adminAction(updateTenantSchema, async (input, ctx) => {
  const result = await updateTenant(input);
  if (!result.ok) return { status: 'error', message: result.message ?? 'Check the highlighted fields.', fieldErrors: result.fieldErrors };
  const notes = [
    result.changed.includes('clientSecret') ? 'client secret replaced' : '',
    result.authorityHost ? `sign-in host now ${result.authorityHost.to}` : '',
    result.graphHost ? `Graph host now ${result.graphHost.to}` : '',
    result.signInsDropped ? `${result.signInsDropped} sign-in${result.signInsDropped === 1 ? '' : 's'} dropped` : '',
  ].filter(Boolean);
  await ctx.audit({
    action: 'tenant.update',
    target: { type: 'tenant', id: input.id },
    summary: `Tenant ${result.name} updated${notes.length ? ` (${notes.join('; ')})` : ''}`,
    // Where the credentials now go, by host, whenever that changed.
    details: {
      ...tenantAuditDetails({ ...input, clientSecretExpiresAt: input.expiresOn }),
      changed: result.changed,
      renamedConnections: result.renamedConnections,
      ...(result.authorityHost ? { authorityHost: result.authorityHost } : {}),
      ...(result.graphHost ? { graphHost: result.graphHost } : {}),
      signInsDropped: result.signInsDropped,
    },
  });
  revalidatePath(LIST);
  redirect(LIST);
});

// POST (form) - delete a tenant; refused while connections use it
export const deleteTenantAction = adminAction(tenantIdSchema, async ({ id }, ctx) => {
  const result = await deleteTenant(id);
  if (!result.ok) {
    await ctx.audit({ action: 'tenant.delete', target: { type: 'tenant', id }, outcome: 'failure', summary: result.message });
    return { status: 'error', message: result.message };
  }
  await ctx.audit({ action: 'tenant.delete', target: { type: 'tenant', id }, summary: `Tenant ${result.name} deleted` });
  revalidatePath(LIST);
  redirect(LIST);
});

// POST (action) - Verify credentials: a client-credentials token request with the values in the form
export const verifyTenantAction = adminAction(verifyTenantSchema, async (input, ctx) => {
  // A blank secret means the stored one, and that only at the host it was stored for.
  const secret = await secretForVerify(input);
  if (!secret.ok) return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: { clientSecret: secret.fieldError } };
  const result = await verifyCredentials({ ...input, clientSecret: secret.clientSecret });
  await ctx.audit({
    action: 'tenant.verify',
    outcome: result.ok ? 'success' : 'failure',
    target: { type: 'tenant', id: input.id ?? null },
    details: { authorityHost: credentialDestinations(input).authorityHost },
    summary: result.ok ? `Credentials of tenant ${input.name} verified` : `Credentials of tenant ${input.name} refused: ${result.error.code ?? result.error.error}`,
  });
  if (result.ok) return { status: 'success', message: result.summary };
  const { error } = result;
  const parts = [error.description || error.error, error.explanation ? `What it means: ${error.explanation.meaning}` : '', error.explanation ? `How to fix it: ${error.explanation.fix}` : ''];
  return { status: 'error', message: parts.filter(Boolean).join(' — ') };
});
