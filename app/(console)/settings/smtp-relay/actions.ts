'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionState } from '@/lib/actions/action-state';
import { adminAction } from '@/lib/actions/define-action';
import { createRelayClient } from '@/lib/mail/relay/create-relay-client';
import { deleteRelayClient } from '@/lib/mail/relay/delete-relay-client';
import { relayClientSchema } from '@/lib/mail/relay/relay-client-schema';
import { setRelayEnabled } from '@/lib/mail/relay/set-relay-enabled';

const PAGE = '/settings/smtp-relay';

// POST (form) - turn the SMTP relay on or off; every instance's listener follows within seconds
export const setRelayEnabledAction = adminAction(
  z.object({ enabled: z.enum(['on', 'off']) }),
  { action: 'relay.settings', target: 'relay' },
  async ({ enabled }, ctx) => {
    await setRelayEnabled(enabled === 'on');
    ctx.audit.summary = `SMTP relay turned ${enabled}`;
    revalidatePath(PAGE);
    return { status: 'success', message: enabled === 'on' ? 'Relaying is on.' : 'Relaying is off.' };
  },
);

// POST (form) - create a relay client; a generated password is in the answer once and never again
export const createRelayClientAction = adminAction(
  relayClientSchema,
  { action: 'relay-client.create', target: 'relay-client' },
  async (fields, ctx): Promise<ActionState> => {
    const created = await createRelayClient(fields);
    if (!created.ok)
      return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: created.fieldErrors };
    ctx.audit.target = created.id;
    ctx.audit.summary = `Relay client “${created.name}” created (${fields.authMode === 'password' ? `username ${created.username}` : `networks ${fields.networks}`}; senders ${fields.allowedSenders})`;
    revalidatePath(PAGE);
    return {
      status: 'success',
      message: created.password
        ? `Relay client “${created.name}” created. Copy its password now: it is not shown again.`
        : `Relay client “${created.name}” created.`,
      values: created.password ? { generatedPassword: created.password, username: created.username ?? '' } : undefined,
    };
  },
);

// POST (form) - delete a relay client: its next message is refused
export const deleteRelayClientAction = adminAction(
  z.object({ id: z.string().min(1) }),
  { action: 'relay-client.delete', target: 'relay-client' },
  async ({ id }, ctx) => {
    ctx.audit.target = id;
    const deleted = await deleteRelayClient(id);
    if (!deleted) return { status: 'error', message: 'This relay client no longer exists.' };
    ctx.audit.summary = `Relay client “${deleted.name}” deleted`;
    revalidatePath(PAGE);
    return { status: 'success', message: `Relay client “${deleted.name}” deleted.` };
  },
);
