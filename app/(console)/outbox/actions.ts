'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { ActionState } from '@/lib/actions/action-state';
import { adminAction } from '@/lib/actions/define-action';
import { deleteOutboxMessage } from '@/lib/mail/outbox/delete-outbox-message';
import { deleteOutboxMessages } from '@/lib/mail/outbox/delete-outbox-messages';
import { outboxSelectionSchema } from '@/lib/mail/outbox/outbox-selection-schema';
import { resendOutboxMessages } from '@/lib/mail/outbox/resend-outbox-messages';
import { resendOutboxMessage } from '@/lib/mail/outbox/resend-outbox-message';

const idSchema = z.object({ id: z.string().min(1) });

// POST (form) - Resend: a Failed message is queued again, a Sent one sent again as a new message
export const resendMessageAction = adminAction(
  idSchema,
  { action: 'outbox.resend', target: 'outbound-message' },
  async ({ id }, ctx) => {
    ctx.audit.target = id;
    const result = await resendOutboxMessage(id);
    if (!result.ok) return { status: 'error', message: result.message };
    ctx.audit.summary = `Outbox message ${id} ${result.summary}`;
    ctx.audit.details = { newMessageId: result.id === id ? null : result.id };
    revalidatePath('/outbox');
    if (result.id !== id) redirect(`/outbox/${result.id}`);
    revalidatePath(`/outbox/${id}`);
    return { status: 'success', message: `Message ${result.summary}.` };
  },
);

// POST (form) - Delete a message with its attempts; refused while it is being sent
export const deleteMessageAction = adminAction(
  idSchema,
  { action: 'outbox.delete', target: 'outbound-message' },
  async ({ id }, ctx) => {
    ctx.audit.target = id;
    const result = await deleteOutboxMessage(id);
    if (!result.ok) return { status: 'error', message: result.message };
    ctx.audit.summary = `Outbox message “${result.subject}” deleted`;
    revalidatePath('/outbox');
    redirect('/outbox');
  },
);

function bulkSummary(results: { result: { ok: boolean; message?: string } }[], done: string): ActionState {
  const ok = results.filter((r) => r.result.ok).length;
  const refused = results.flatMap((r) => (r.result.ok ? [] : [r.result.message ?? 'refused']));
  const reasons = [...new Set(refused)].join(' ');
  const message = `${ok} ${ok === 1 ? 'message' : 'messages'} ${done}.${refused.length ? ` ${refused.length} refused: ${reasons}` : ''}`;
  return { status: refused.length && ok === 0 ? 'error' : 'success', message };
}

// POST (form) - Outbox list → Resend selected: each Failed message queued again, each Sent one sent again as new
// Audited once per message: what was resent, and what was refused and why.
export const resendMessagesAction = adminAction(
  outboxSelectionSchema,
  { action: 'outbox.resend', target: 'outbound-message' },
  async ({ ids }, ctx) => {
    const results = await resendOutboxMessages(ids);
    ctx.audit.entries = results.map(({ id, result }) =>
      result.ok
        ? {
            target: id,
            summary: `Outbox message ${id} ${result.summary}`,
            details: { newMessageId: result.id === id ? null : result.id, bulk: true },
          }
        : {
            target: id,
            outcome: 'failure',
            summary: `Outbox message ${id} not resent: ${result.message ?? 'refused'}`,
            details: { bulk: true },
          },
    );
    revalidatePath('/outbox');
    return bulkSummary(results, 'resent');
  },
);

// POST (form) - Outbox list → Delete selected (one confirmation for all of them); a message being sent is refused
export const deleteMessagesAction = adminAction(
  outboxSelectionSchema,
  { action: 'outbox.delete', target: 'outbound-message' },
  async ({ ids }, ctx) => {
    const results = await deleteOutboxMessages(ids);
    ctx.audit.entries = results.map(({ id, result }) =>
      result.ok
        ? { target: id, summary: `Outbox message “${result.subject}” deleted`, details: { bulk: true } }
        : {
            target: id,
            outcome: 'failure',
            summary: `Outbox message ${id} not deleted: ${result.message ?? 'refused'}`,
            details: { bulk: true },
          },
    );
    revalidatePath('/outbox');
    return bulkSummary(results, 'deleted');
  },
);
