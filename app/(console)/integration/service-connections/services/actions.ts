'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction } from '@/lib/actions/define-action';
import { createService } from '@/lib/services/create-service';
import { deleteService } from '@/lib/services/delete-service';
import { resetCapabilityScopes } from '@/lib/services/reset-capability-scopes';
import {
  capabilityIdSchema,
  createServiceSchema,
  serviceIdSchema,
  updateScopesSchema,
  updateServiceSchema,
} from '@/lib/services/schemas';
import { updateCapabilityScopes } from '@/lib/services/update-capability-scopes';
import { updateService } from '@/lib/services/update-service';

const LIST = '/integration/service-connections/services';

// POST (form) - save one capability's Scope list
export const updateScopesAction = adminAction(
  updateScopesSchema,
  { action: 'service.scopes_update', target: 'service' },
  async (input, ctx) => {
    const result = await updateCapabilityScopes(input);
    if (!result.ok)
      return {
        status: 'error',
        message: result.message ?? 'Check the highlighted fields.',
        fieldErrors: result.fieldErrors,
      };
    ctx.audit.target = result.serviceId;
    ctx.audit.summary = `Scopes of ${result.serviceName} (${result.capabilityName}) changed`;
    ctx.audit.details = { capability: result.capabilityName, before: result.before, after: result.after };
    revalidatePath(LIST, 'layout');
    return { status: 'success', message: 'Scopes saved.' };
  },
);

// POST (form) - put a built-in capability's Scope list back to its default
export const resetScopesAction = adminAction(
  capabilityIdSchema,
  { action: 'service.scopes_reset', target: 'service' },
  async ({ capabilityId }, ctx) => {
    const result = await resetCapabilityScopes(capabilityId);
    if (!result.ok) return { status: 'error', message: result.message };
    ctx.audit.target = result.serviceId;
    ctx.audit.summary = `Scopes of ${result.serviceName} (${result.capabilityName}) reset to the default`;
    ctx.audit.details = { capability: result.capabilityName, before: result.before, after: result.after };
    revalidatePath(LIST, 'layout');
    return { status: 'success', message: 'Scopes reset to the default.' };
  },
);

// POST (form) - Add Service → Save & Close
export const createServiceAction = adminAction(
  createServiceSchema,
  { action: 'service.create', target: 'service' },
  async (input, ctx) => {
    const result = await createService(input);
    if (!result.ok)
      return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: result.fieldErrors };
    ctx.audit.target = result.id;
    ctx.audit.summary = `Service ${result.name} added`;
    ctx.audit.details = { name: result.name, authType: input.authType, scopes: input.scopes.join(' ') };
    revalidatePath(LIST, 'layout');
    redirect(`${LIST}/${result.id}`);
  },
);

// POST (form) - rename an administrator's own service
export const updateServiceAction = adminAction(
  updateServiceSchema,
  { action: 'service.update', target: 'service' },
  async (input, ctx) => {
    ctx.audit.target = input.id;
    const result = await updateService(input);
    if (!result.ok)
      return {
        status: 'error',
        message: result.message ?? 'Check the highlighted fields.',
        fieldErrors: result.fieldErrors,
      };
    ctx.audit.summary =
      result.previousName === result.name
        ? `Service ${result.name} updated`
        : `Service ${result.previousName} renamed to ${result.name}`;
    ctx.audit.details = {
      name: result.name,
      previousName: result.previousName,
      renamedConnections: result.renamedConnections,
    };
    revalidatePath(LIST, 'layout');
    return { status: 'success', message: 'Service saved.' };
  },
);

// POST (form) - delete an administrator's own service; built-ins and services in use are refused
export const deleteServiceAction = adminAction(
  serviceIdSchema,
  { action: 'service.delete', target: 'service' },
  async ({ id }, ctx) => {
    ctx.audit.target = id;
    const result = await deleteService(id);
    if (!result.ok) {
      ctx.audit.summary = result.message;
      return { status: 'error', message: result.message };
    }
    ctx.audit.summary = `Service ${result.name} deleted`;
    revalidatePath(LIST, 'layout');
    redirect(LIST);
  },
);
