'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionState } from '@/lib/actions/action-state';
import { adminAction } from '@/lib/actions/define-action';
import { createRelayClient } from '@/lib/mail/relay/create-relay-client';
import { deleteRelayClient } from '@/lib/mail/relay/delete-relay-client';
import { relayClientSchema, relayClientUpdateSchema } from '@/lib/mail/relay/relay-client-schema';
import { resetRelayClientPassword } from '@/lib/mail/relay/reset-relay-client-password';
import { setRelayCertificate } from '@/lib/mail/relay/set-relay-certificate';
import { updateRelayClient } from '@/lib/mail/relay/update-relay-client';
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
    ctx.audit.summary = `Relay client “${created.name}” created (${fields.authMode === 'password' ? `username ${created.username}` : `networks ${fields.networks}`}; senders ${fields.allowedSenders}; ${created.route})`;
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

// POST (form) - save a relay client's settings
export const updateRelayClientAction = adminAction(
  relayClientUpdateSchema,
  { action: 'relay-client.update', target: 'relay-client' },
  async ({ id, ...fields }, ctx): Promise<ActionState> => {
    ctx.audit.target = id;
    const updated = await updateRelayClient(id, fields);
    if (!updated.ok) return { status: 'error', message: updated.message, fieldErrors: updated.fieldErrors };
    ctx.audit.summary = `Relay client “${updated.name}” saved (${fields.enabled ? 'enabled' : 'disabled'}; senders ${fields.allowedSenders}; ${fields.maxMessageMb} MB, ${fields.ratePerMinute}/min; ${updated.route})`;
    revalidatePath(PAGE);
    return { status: 'success', message: `Relay client “${updated.name}” saved.` };
  },
);

// POST (form) - a new generated password for a relay client, shown once; ends a lock-out
export const resetRelayClientPasswordAction = adminAction(
  z.object({ id: z.string().min(1) }),
  { action: 'relay-client.reset-password', target: 'relay-client' },
  async ({ id }, ctx): Promise<ActionState> => {
    ctx.audit.target = id;
    const reset = await resetRelayClientPassword(id);
    if (!reset.ok) return { status: 'error', message: reset.message };
    ctx.audit.summary = `Relay client “${reset.name}” given a new password`;
    revalidatePath(PAGE);
    return {
      status: 'success',
      message: `New password for “${reset.name}”. Copy it now: it is not shown again.`,
      values: { generatedPassword: reset.password, username: reset.username },
    };
  },
);

// POST (form) - upload the STARTTLS certificate (PEM) and its private key; the key is stored encrypted
export const setRelayCertificateAction = adminAction(
  z.object({
    certificatePem: z.string().trim().min(1, 'Paste the certificate (PEM)'),
    privateKeyPem: z.string().trim().min(1, 'Paste its private key (PEM)'),
  }),
  { action: 'relay.certificate', target: 'relay' },
  async ({ certificatePem, privateKeyPem }, ctx): Promise<ActionState> => {
    const set = await setRelayCertificate(certificatePem, privateKeyPem);
    if (!set.ok) return { status: 'error', message: 'Check the highlighted fields.', fieldErrors: set.fieldErrors };
    ctx.audit.summary = `SMTP relay certificate uploaded (SHA-256 ${set.thumbprintSha256})`;
    revalidatePath(PAGE);
    return { status: 'success', message: 'Certificate saved. The relay presents it within a few seconds.' };
  },
);
