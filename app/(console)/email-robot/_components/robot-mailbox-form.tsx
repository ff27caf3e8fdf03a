'use client';
// Client component: "Move to folder" appears only when moving is chosen, the connection's kind explains what an empty
// address means, and Generate fills in a new webhook secret to copy before saving (it is never shown again).
import Link from 'next/link';
import { useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { validateOnClient } from '@/components/ui/validate-on-client';
import type { ActionState } from '@/lib/actions/action-state';
import type { RobotConnectionOption } from '@/lib/robot/get-robot-connection-options';
import { DEFAULT_FOLDER, DEFAULT_POLL_SECONDS, MIN_POLL_SECONDS } from '@/lib/robot/robot-limits';
import { storedSecretText } from '@/lib/tenants/stored-secret-text';
import { createRobotMailboxAction, updateRobotMailboxAction } from '../actions';

export interface RobotMailboxFormValues {
  id: string;
  name: string;
  connectionId: string;
  mailboxAddress: string;
  folder: string;
  pollIntervalSeconds: number;
  afterProcessing: string;
  moveToFolder: string;
  webhookUrl: string;
  enabled: boolean;
  storedSecret: { setOn: string; hint: string | null } | null;
}

function newSecret(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function RobotMailboxForm({
  connections,
  mailbox,
}: {
  connections: RobotConnectionOption[];
  mailbox?: RobotMailboxFormValues;
}) {
  // Kept: a `<form action>` is reset by React after each submission, which put the Service Connection and After
  // processing selects back on their first option while their state (and the saved values) said otherwise.
  const { state, onSubmit, pending } = useKeptForm(async (previous: ActionState, formData: FormData) => {
    const invalid = await validateOnClient(
      () =>
        import('@/lib/robot/schemas').then((m) => (mailbox ? m.updateRobotMailboxSchema : m.createRobotMailboxSchema)),
      formData,
    );
    if (invalid) return invalid;
    return mailbox ? updateRobotMailboxAction(previous, formData) : createRobotMailboxAction(previous, formData);
  });
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const [connectionId, setConnectionId] = useState(mailbox?.connectionId ?? '');
  const [afterProcessing, setAfterProcessing] = useState(mailbox?.afterProcessing ?? 'mark_read');
  const [secret, setSecret] = useState('');
  const [generated, setGenerated] = useState(false);
  const connection = connections.find((c) => c.id === connectionId);
  const addressHint =
    connection?.authType === 'application'
      ? 'Application connection: enter the mailbox; the app needs Mail.ReadWrite and must be allowed by any application access policy.'
      : connection
        ? `Empty: ${connection.accountUsername ?? 'the signed-in account'}’s own mailbox. Or a shared mailbox that account has Full Access to.`
        : 'Empty for the signed-in account’s own mailbox (delegated connections), or a shared mailbox address.';

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <FormMessage state={state} />
      {mailbox ? <input type="hidden" name="id" value={mailbox.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Name"
          name="name"
          required
          maxLength={200}
          defaultValue={values.name ?? mailbox?.name}
          error={errors.name}
          hint="How this mailbox is called in Switchboard, e.g. Support inbox."
        />
        <SelectField
          label="Service Connection"
          name="connectionId"
          placeholder={
            connections.some((c) => c.fit.usable)
              ? 'Choose a connection'
              : 'No connection may read mail yet: add one under Connections'
          }
          options={connections.map((c) =>
            c.fit.usable
              ? {
                  value: c.id,
                  label: `${c.name}${c.authType === 'application' ? ' (application)' : c.accountUsername ? ` (${c.accountUsername})` : ''}`,
                }
              : { value: c.id, label: `${c.name} — ${c.fit.reason}`, disabled: true },
          )}
          value={connectionId}
          onChange={(event) => setConnectionId(event.target.value)}
          error={errors.connectionId}
          hint={
            connection?.fit.usable && connection.fit.warning
              ? `Warning: ${connection.fit.warning}.`
              : 'Microsoft 365 (delegated, Mail.ReadWrite.Shared) or Client Credentials (application, Mail.ReadWrite).'
          }
        />
        <TextField
          label="Mailbox Email Address"
          name="mailboxAddress"
          type="email"
          autoComplete="off"
          defaultValue={values.mailboxAddress ?? mailbox?.mailboxAddress}
          error={errors.mailboxAddress}
          hint={addressHint}
        />
        <TextField
          label="Folder"
          name="folder"
          placeholder={DEFAULT_FOLDER}
          defaultValue={values.folder ?? mailbox?.folder}
          error={errors.folder}
          hint="Inbox by default; a well-known name (Inbox, Archive) or a path such as Inbox/Orders."
        />
        <TextField
          label="Poll interval (seconds)"
          name="pollIntervalSeconds"
          type="number"
          min={MIN_POLL_SECONDS}
          defaultValue={values.pollIntervalSeconds ?? String(mailbox?.pollIntervalSeconds ?? DEFAULT_POLL_SECONDS)}
          error={errors.pollIntervalSeconds}
          hint={`At least ${MIN_POLL_SECONDS} seconds; ${DEFAULT_POLL_SECONDS} by default.`}
        />
        <SelectField
          label="After processing"
          name="afterProcessing"
          options={[
            { value: 'mark_read', label: 'Mark as read' },
            { value: 'move', label: 'Move to folder' },
          ]}
          value={afterProcessing}
          onChange={(event) => setAfterProcessing(event.target.value)}
          error={errors.afterProcessing}
          hint="Done only after the hand-off succeeded. In “Mark as read” mode, mail that is already read is left alone."
        />
        {afterProcessing === 'move' ? (
          <TextField
            label="Move to folder"
            name="moveToFolder"
            defaultValue={values.moveToFolder ?? mailbox?.moveToFolder}
            error={errors.moveToFolder}
            hint="Created when missing, e.g. Processed or Inbox/Done."
          />
        ) : null}
      </div>
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-4 sm:grid-cols-2">
        <legend className="px-1 text-sm font-medium text-slate-800">Hand-off</legend>
        <TextField
          label="Webhook URL"
          name="webhookUrl"
          type="url"
          placeholder="https://app.example.com/hooks/mail"
          defaultValue={values.webhookUrl ?? mailbox?.webhookUrl}
          error={errors.webhookUrl}
          hint="Each new message is POSTed here as signed JSON, retried until a 2xx. Empty: messages only appear here in the console."
        />
        <div>
          <TextField
            label="Webhook secret"
            name="webhookSecret"
            type={generated ? 'text' : 'password'}
            autoComplete="new-password"
            spellCheck={false}
            value={secret}
            onChange={(event) => {
              setSecret(event.target.value);
              setGenerated(false);
            }}
            error={errors.webhookSecret}
            hint={
              generated
                ? 'Copy it now into the receiver: it is stored encrypted and never shown again.'
                : mailbox?.storedSecret
                  ? `Stored secret ${storedSecretText(mailbox.storedSecret)}. Leave empty to keep it.`
                  : 'Signs each delivery (HMAC-SHA256). Generate one, or paste at least 16 characters.'
            }
          />
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <button
              type="button"
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100"
              onClick={() => {
                setSecret(newSecret());
                setGenerated(true);
              }}
            >
              Generate secret
            </button>
            {generated ? <CopyButton value={secret} label="Copy secret" /> : null}
          </div>
          {generated ? (
            // Shown once, as API keys are: after saving, only its last characters are shown.
            <p
              className="mt-2 break-all rounded-md bg-amber-50 p-2 font-mono text-xs text-amber-950"
              data-testid="generated-webhook-secret"
            >
              {secret}
            </p>
          ) : null}
        </div>
      </fieldset>
      <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
        <input
          type="checkbox"
          name="enabled"
          defaultChecked={state.values ? values.enabled === 'on' : (mailbox?.enabled ?? true)}
          className="h-4 w-4"
        />
        Enabled
      </label>
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
        <SubmitButton disabled={pending}>Save &amp; Close</SubmitButton>
        <Link href={mailbox ? `/email-robot/${mailbox.id}` : '/email-robot'} className="text-sm underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}
