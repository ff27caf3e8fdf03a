'use server';
import { revalidatePath } from 'next/cache';
import { adminAction } from '@/lib/actions/define-action';
import { servicePrincipalSchema } from '@/lib/connections/service-principal-schema';
import { setServicePrincipalId } from '@/lib/connections/set-service-principal-id';

// POST (form) - connection page → Exchange setup → the enterprise application's Object ID, typed
export const setServicePrincipalIdAction = adminAction(
  servicePrincipalSchema,
  { action: 'connection.service_principal', target: 'connection' },
  async ({ id, servicePrincipalId }, ctx) => {
    ctx.audit.target = id;
    const result = await setServicePrincipalId(id, servicePrincipalId);
    if (!result.ok) return { status: 'error', message: result.message };
    ctx.audit.summary = `Enterprise application object id of '${result.name}' set to ${servicePrincipalId}`;
    revalidatePath(`/integration/service-connections/connections/${id}`);
    return { status: 'success', message: 'Saved. The commands below use it.' };
  },
);
