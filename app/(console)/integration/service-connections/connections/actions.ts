'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction } from '@/lib/actions/define-action';
import { createConnection } from '@/lib/connections/create-connection';
import { deleteConnection } from '@/lib/composition/delete-connection';
import { connectionIdSchema, createConnectionSchema, updateConnectionSchema } from '@/lib/connections/schemas';
import { updateConnection } from '@/lib/connections/update-connection';
import { createTenant } from '@/lib/tenants/create-tenant';
import { createTenantSchema } from '@/lib/tenants/schemas';
import { tenantAuditDetails } from '@/lib/tenants/tenant-audit-details';

const LIST = '/integration/service-connections/connections';

// Save & Close of a delegated connection nobody has signed in to yet opens that connection, Setup Authentication at
// hand: the list would only send the administrator back to it.
const closeTarget = (saved: { id: string; awaitsSignIn: boolean }) =>
  saved.awaitsSignIn ? `${LIST}/${saved.id}?saved=1` : LIST;

// POST (form) - Add Service Connection → Save & Close
export const createConnectionAction = adminAction(
  createConnectionSchema,
  { action: 'connection.create', target: 'connection' },
  async (input, ctx) => {
    const result = await createConnection(input);
    if (!result.ok)
      return {
        status: 'error',
        message: result.message ?? 'Check the highlighted fields.',
        fieldErrors: result.fieldErrors,
      };
    ctx.audit.target = result.id;
    ctx.audit.summary = `Service connection ${result.name} added`;
    ctx.audit.details = {
      name: result.name,
      service: result.serviceName,
      tenant: result.tenantName,
      nameCustomized: input.nameCustomized,
    };
    revalidatePath(LIST);
    redirect(closeTarget(result));
  },
);

// POST (form) - edit a connection → Save & Close
export const updateConnectionAction = adminAction(
  updateConnectionSchema,
  { action: 'connection.update', target: 'connection' },
  async (input, ctx) => {
    ctx.audit.target = input.id;
    const result = await updateConnection(input);
    if (!result.ok)
      return {
        status: 'error',
        message: result.message ?? 'Check the highlighted fields.',
        fieldErrors: result.fieldErrors,
      };
    ctx.audit.target = result.id;
    ctx.audit.summary = `Service connection ${result.name} updated${result.signInDropped ? ' (moved to another service or tenant: sign-in dropped)' : ''}`;
    ctx.audit.details = {
      name: result.name,
      service: result.serviceName,
      tenant: result.tenantName,
      nameCustomized: input.nameCustomized,
    };
    revalidatePath(LIST);
    redirect(closeTarget(result));
  },
);

// POST (form) - delete a connection; refused while a feature uses it
export const deleteConnectionAction = adminAction(
  connectionIdSchema,
  { action: 'connection.delete', target: 'connection' },
  async ({ id }, ctx) => {
    ctx.audit.target = id;
    const result = await deleteConnection(id);
    if (!result.ok) {
      ctx.audit.summary = result.message;
      return { status: 'error', message: result.message };
    }
    ctx.audit.summary = `Service connection ${result.name} deleted`;
    revalidatePath(LIST);
    redirect(LIST);
  },
);

// POST (form) - "New tenant" inside Add Service Connection: creates the tenant and stays on the form, which selects it.
// Answers with the new tenant's id and name only.
export const createTenantInPlaceAction = adminAction(
  createTenantSchema,
  { action: 'tenant.create', target: 'tenant' },
  async (input, ctx) => {
    const result = await createTenant(input);
    if (!result.ok)
      return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: result.fieldErrors };
    ctx.audit.target = result.tenant.id;
    ctx.audit.summary = `Tenant ${result.tenant.name} added (from Add Service Connection)`;
    ctx.audit.details = tenantAuditDetails(result.tenant);
    revalidatePath('/integration/service-connections/tenants');
    return {
      status: 'success',
      message: `Tenant ${result.tenant.name} added.`,
      values: { id: result.tenant.id, name: result.tenant.name },
    };
  },
);
