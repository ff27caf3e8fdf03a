'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction } from '@/lib/actions/define-action';
import { createTenant } from '@/lib/tenants/create-tenant';
import { deleteTenant } from '@/lib/tenants/delete-tenant';
import { createTenantSchema, tenantIdSchema, updateTenantSchema } from '@/lib/tenants/schemas';
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
  const replaced = result.changed.includes('clientSecret');
  await ctx.audit({
    action: 'tenant.update',
    target: { type: 'tenant', id: input.id },
    summary: `Tenant ${result.name} updated${replaced ? ' (client secret replaced)' : ''}`,
    details: { ...tenantAuditDetails({ ...input, clientSecretExpiresAt: input.expiresOn }), changed: result.changed, renamedConnections: result.renamedConnections },
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
