'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { adminAction } from '@/lib/actions/define-action';
import { deleteOutboxMessage } from '@/lib/mail/outbox/delete-outbox-message';
import { resendOutboxMessage } from '@/lib/mail/outbox/resend-outbox-message';

const idSchema = z.object({ id: z.string().min(1) });

// POST (form) - Resend: a Failed message is queued again, a Sent one sent again as a new message
export const resendMessageAction = adminAction(idSchema, async ({ id }, ctx) => {
  const result = await resendOutboxMessage(id);
  if (!result.ok) return { status: 'error', message: result.message };
  await ctx.audit({ action: 'outbox.resend', target: { type: 'outbound-message', id }, summary: `Outbox message ${id} ${result.summary}`, details: { newMessageId: result.id === id ? null : result.id } });
  revalidatePath('/outbox');
  if (result.id !== id) redirect(`/outbox/${result.id}`);
  revalidatePath(`/outbox/${id}`);
  return { status: 'success', message: `Message ${result.summary}.` };
});

// POST (form) - Delete a message with its attempts; refused while it is being sent
export const deleteMessageAction = adminAction(idSchema, async ({ id }, ctx) => {
  const result = await deleteOutboxMessage(id);
  if (!result.ok) return { status: 'error', message: result.message };
  await ctx.audit({ action: 'outbox.delete', target: { type: 'outbound-message', id }, summary: `Outbox message “${result.subject}” deleted` });
  revalidatePath('/outbox');
  redirect('/outbox');
});
