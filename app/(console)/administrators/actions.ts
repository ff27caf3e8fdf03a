'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminAction } from '@/lib/actions/define-action';
import { createAdministrator } from '@/lib/administrators/create-administrator';
import { setAdministratorDisabled } from '@/lib/administrators/set-administrator-disabled';
import { addAdministratorSchema } from '@/lib/auth/schemas';

export const addAdministratorAction = adminAction(
  addAdministratorSchema,
  { action: 'administrator.create', target: 'administrator' },
  async (input, ctx) => {
    const result = await createAdministrator(input);
    if (!result.ok)
      return { status: 'error', fieldErrors: { email: result.error }, message: 'Check the highlighted fields.' };
    ctx.audit.target = result.admin.id;
    ctx.audit.summary = `Administrator ${result.admin.email} added`;
    ctx.audit.details = { name: result.admin.name, email: result.admin.email };
    revalidatePath('/administrators');
    return { status: 'success', message: `${result.admin.email} can now sign in.` };
  },
);

const toggleSchema = z.object({
  id: z.string().min(1),
  disable: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

export const toggleAdministratorAction = adminAction(
  toggleSchema,
  { action: ({ disable }) => (disable ? 'administrator.disable' : 'administrator.enable'), target: 'administrator' },
  async ({ id, disable }, ctx) => {
    ctx.audit.target = id;
    const result = await setAdministratorDisabled({ id, disable, actingAdminId: ctx.admin.id });
    if (!result.ok) return { status: 'error', message: result.error };
    ctx.audit.summary = `Administrator ${result.email} ${disable ? 'disabled; their sessions were ended' : 'enabled'}`;
    revalidatePath('/administrators');
    return { status: 'success', message: `${result.email} ${disable ? 'disabled' : 'enabled'}.` };
  },
);
