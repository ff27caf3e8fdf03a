'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction } from '@/lib/actions/define-action';
import type { ActionState } from '@/lib/actions/action-state';
import { createRobotMailbox } from '@/lib/robot/create-robot-mailbox';
import { deleteRobotMailbox } from '@/lib/robot/delete-robot-mailbox';
import { pollRobotMailboxNow } from '@/lib/robot/poll-robot-mailbox-now';
import {
  createRobotMailboxSchema,
  robotMailboxIdSchema,
  updateRobotMailboxSchema,
  type CreateRobotMailboxInput,
} from '@/lib/robot/schemas';
import type { RobotTokenReport } from '@/lib/robot/inspect-robot-token';
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
export const createRobotMailboxAction = adminAction(
  createRobotMailboxSchema,
  { action: 'robot_mailbox.create', target: 'robot_mailbox' },
  async (input, ctx) => {
    const result = await createRobotMailbox(input);
    if (!result.ok)
      return {
        status: 'error',
        message: result.message ?? 'Check the highlighted fields.',
        fieldErrors: result.fieldErrors,
      };
    ctx.audit.target = result.id;
    ctx.audit.summary = `Robot mailbox ${result.name} added`;
    ctx.audit.details = auditDetails(input);
    revalidatePath(LIST);
    redirect(`${LIST}/${result.id}`);
  },
);

// POST (form) - edit a robot mailbox → Save & Close
export const updateRobotMailboxAction = adminAction(
  updateRobotMailboxSchema,
  { action: 'robot_mailbox.update', target: 'robot_mailbox' },
  async (input, ctx) => {
    ctx.audit.target = input.id;
    const result = await updateRobotMailbox(input);
    if (!result.ok)
      return {
        status: 'error',
        message: result.message ?? 'Check the highlighted fields.',
        fieldErrors: result.fieldErrors,
      };
    ctx.audit.summary = `Robot mailbox ${result.name} updated${result.changed?.length ? ` (${result.changed.join(', ')})` : ''}`;
    ctx.audit.details = auditDetails(input);
    revalidatePath(LIST);
    redirect(`${LIST}/${input.id}`);
  },
);

// POST (form) - delete a robot mailbox and the messages stored for it
export const deleteRobotMailboxAction = adminAction(
  robotMailboxIdSchema,
  { action: 'robot_mailbox.delete', target: 'robot_mailbox' },
  async ({ id }, ctx) => {
    ctx.audit.target = id;
    const result = await deleteRobotMailbox(id);
    if (!result.ok) return { status: 'error', message: result.message };
    ctx.audit.summary = `Robot mailbox ${result.name} deleted with ${result.messages} stored messages`;
    revalidatePath(LIST);
    redirect(LIST);
  },
);

// POST (form) - Poll now: poll at once, here when no other instance is busy with the mailbox
export const pollNowAction = adminAction(
  robotMailboxIdSchema,
  { action: 'robot_mailbox.poll_now', target: 'robot_mailbox' },
  async ({ id }, ctx): Promise<ActionState> => {
    ctx.audit.target = id;
    const result = await pollRobotMailboxNow(id);
    if (!result.ok) return { status: 'error', message: result.message };
    // The request is what is audited: a poll that then meets Microsoft's error is still a request done.
    ctx.audit.summary = 'Poll now requested';
    ctx.audit.outcome = 'success';
    revalidatePath(`${LIST}/${id}`);
    if (!result.ran)
      return {
        status: 'success',
        message: 'Another instance is working on this mailbox right now; it polls as soon as it is done.',
      };
    const s = result.summary;
    if (s.error) return { status: 'error', message: `${s.error} — ${s.explanation ?? ''}`.trim() };
    if (!s.polled && s.throttledUntil)
      return {
        status: 'success',
        message: `Microsoft asked to wait (throttling) until ${s.throttledUntil.toISOString().slice(11, 19)} UTC; the robot polls then.`,
      };
    const parts = [
      `${s.newMessages} new ${s.newMessages === 1 ? 'message' : 'messages'}`,
      `${s.handedOff} handed on`,
      `${s.actionsDone} marked or moved`,
    ];
    return {
      status: 'success',
      message: `Polled: ${parts.join(', ')}${s.resynced ? ' (the sync was restarted: Microsoft had expired the delta link)' : ''}.`,
    };
  },
);

// POST (form) - Test: can the connection open this mailbox and folder?
export const testRobotMailboxAction = adminAction(
  robotMailboxIdSchema,
  { action: 'robot_mailbox.test', target: 'robot_mailbox' },
  async ({ id }, ctx): Promise<ActionState> => {
    ctx.audit.target = id;
    const result = await testRobotMailbox(id);
    ctx.audit.summary = result.ok ? 'Test passed' : `Test failed: ${result.graphAnswer}`;
    // A passing Test clears the mailbox's recorded error (testRobotMailbox did): the page shows the new state.
    revalidatePath(`${LIST}/${id}`);
    if (result.ok) return { status: 'success', message: result.message };
    return {
      status: 'error',
      message: result.message,
      values: {
        graphAnswer: result.graphAnswer,
        meaning: result.meaning,
        fix: result.fix,
        ...tokenValues(result.token),
      },
    };
  },
);

/** The token inspector's first finding, as the form's plain values (never the token). */
function tokenValues(token: RobotTokenReport | undefined): Record<string, string> {
  const finding = token?.findings[0];
  if (!token || !finding) return {};
  return {
    tokenFacts: token.facts.join('\n'),
    tokenFinding: finding.message,
    tokenFix: finding.fix,
    ...(finding.check ? { tokenCheck: finding.check } : {}),
  };
}
