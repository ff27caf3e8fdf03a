'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction } from '@/lib/actions/define-action';
import type { ActionState } from '@/lib/actions/action-state';
import { createRobotMailbox } from '@/lib/robot/create-robot-mailbox';
import { deleteRobotMailbox } from '@/lib/robot/delete-robot-mailbox';
import { pollRobotMailboxNow } from '@/lib/robot/poll-robot-mailbox-now';
import { createRobotMailboxSchema, robotMailboxIdSchema, updateRobotMailboxSchema, type CreateRobotMailboxInput } from '@/lib/robot/schemas';
import { testRobotMailbox } from '@/lib/robot/test-robot-mailbox';
import { updateRobotMailbox } from '@/lib/robot/update-robot-mailbox';

const LIST = '/email-robot';

/** What the audit log keeps of a robot mailbox: settings, the webhook's host only (a URL may carry a token), no secret. */
function auditDetails(input: CreateRobotMailboxInput) {
  return {
    name: input.name,
    connectionId: input.connectionId,
    mailboxAddress: input.mailboxAddress || '(signed-in account)',
    folder: input.folder,
    pollIntervalSeconds: input.pollIntervalSeconds,
    afterProcessing: input.afterProcessing,
    moveToFolder: input.afterProcessing === 'move' ? input.moveToFolder : undefined,
    webhookHost: input.webhookUrl ? new URL(input.webhookUrl).host : null,
    webhookSecretChanged: Boolean(input.webhookSecret),
    enabled: input.enabled,
  };
}

// POST (form) - Add robot mailbox → Save & Close
export const createRobotMailboxAction = adminAction(createRobotMailboxSchema, async (input, ctx) => {
  const result = await createRobotMailbox(input);
  if (!result.ok) return { status: 'error', message: result.message ?? 'Check the highlighted fields.', fieldErrors: result.fieldErrors };
  await ctx.audit({ action: 'robot_mailbox.create', target: { type: 'robot_mailbox', id: result.id }, summary: `Robot mailbox ${result.name} added`, details: auditDetails(input) });
  revalidatePath(LIST);
  redirect(`${LIST}/${result.id}`);
});

// POST (form) - edit a robot mailbox → Save & Close
export const updateRobotMailboxAction = adminAction(updateRobotMailboxSchema, async (input, ctx) => {
  const result = await updateRobotMailbox(input);
  if (!result.ok) return { status: 'error', message: result.message ?? 'Check the highlighted fields.', fieldErrors: result.fieldErrors };
  await ctx.audit({
    action: 'robot_mailbox.update',
    target: { type: 'robot_mailbox', id: input.id },
    summary: `Robot mailbox ${result.name} updated${result.changed?.length ? ` (${result.changed.join(', ')})` : ''}`,
    details: auditDetails(input),
  });
  revalidatePath(LIST);
  redirect(`${LIST}/${input.id}`);
});

// POST (form) - delete a robot mailbox and the messages stored for it
export const deleteRobotMailboxAction = adminAction(robotMailboxIdSchema, async ({ id }, ctx) => {
  const result = await deleteRobotMailbox(id);
  if (!result.ok) return { status: 'error', message: result.message };
  await ctx.audit({ action: 'robot_mailbox.delete', target: { type: 'robot_mailbox', id }, summary: `Robot mailbox ${result.name} deleted with ${result.messages} stored messages` });
  revalidatePath(LIST);
  redirect(LIST);
});

// POST (form) - Poll now: poll at once, here when no other instance is busy with the mailbox
export const pollNowAction = adminAction(robotMailboxIdSchema, async ({ id }, ctx): Promise<ActionState> => {
  const result = await pollRobotMailboxNow(id);
  if (!result.ok) return { status: 'error', message: result.message };
  await ctx.audit({ action: 'robot_mailbox.poll_now', target: { type: 'robot_mailbox', id }, summary: 'Poll now requested' });
  revalidatePath(`${LIST}/${id}`);
  if (!result.ran) return { status: 'success', message: 'Another instance is working on this mailbox right now; it polls as soon as it is done.' };
  const s = result.summary;
  if (s.error) return { status: 'error', message: `${s.error} — ${s.explanation ?? ''}`.trim() };
  if (!s.polled && s.throttledUntil) return { status: 'success', message: `Microsoft asked to wait (throttling) until ${s.throttledUntil.toISOString().slice(11, 19)} UTC; the robot polls then.` };
  const parts = [`${s.newMessages} new ${s.newMessages === 1 ? 'message' : 'messages'}`, `${s.handedOff} handed on`, `${s.actionsDone} marked or moved`];
  return { status: 'success', message: `Polled: ${parts.join(', ')}${s.resynced ? ' (the sync was restarted: Microsoft had expired the delta link)' : ''}.` };
});

// POST (form) - Test: can the connection open this mailbox and folder?
export const testRobotMailboxAction = adminAction(robotMailboxIdSchema, async ({ id }, ctx): Promise<ActionState> => {
  const result = await testRobotMailbox(id);
  await ctx.audit({ action: 'robot_mailbox.test', target: { type: 'robot_mailbox', id }, outcome: result.ok ? 'success' : 'failure', summary: result.ok ? 'Test passed' : `Test failed: ${result.graphAnswer}` });
  // A passing Test clears the mailbox's recorded error (testRobotMailbox did): the page shows the new state.
  revalidatePath(`${LIST}/${id}`);
  if (result.ok) return { status: 'success', message: result.message };
  return { status: 'error', message: result.message, values: { graphAnswer: result.graphAnswer, meaning: result.meaning, fix: result.fix } };
});
