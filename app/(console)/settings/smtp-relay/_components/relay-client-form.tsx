'use client';
// Client component: the authentication choice shows either the username or the networks, every field keeps what was
// typed after an error, and a generated password is shown once with a copy button.
import { useState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { type SelectOption, SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextareaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { useKeptForm } from '@/components/ui/use-kept-form';
import type { ActionState } from '@/lib/actions/action-state';
import { GeneratedPassword } from './generated-password';

const AUTH_MODES = [
  { value: 'password', label: 'Username and password' },
  { value: 'network', label: 'No authentication, from listed networks only' },
];

export interface RelayClientFormProps {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  /** Editing: the client's id and stored values (how it authenticates cannot change). */
  client?: { id: string; values: Record<string, string> };
  submitLabel: string;
  /** The connections that may be named as the Graph fall-back. */
  fallbackOptions: readonly SelectOption[];
  /** The connections its messages may be sent through (with a delegated one's signed-in account). */
  routeOptions: readonly (SelectOption & { signedIn: string | null })[];
}

export function RelayClientForm({ action, client, submitLabel, fallbackOptions, routeOptions }: RelayClientFormProps) {
  const { state, onSubmit } = useKeptForm(action);
  const [authMode, setAuthMode] = useState(client?.values.authMode ?? 'password');
  const password = state.status === 'success' ? state.values?.generatedPassword : undefined;
  // After an error: what was typed; otherwise the stored values (editing) or the defaults.
  const kept = (name: string, fallback = '') =>
    state.status === 'error' ? (state.values?.[name] ?? '') : (client?.values[name] ?? fallback);
  const [connectionId, setConnectionId] = useState(kept('connectionId'));
  const signedIn = routeOptions.find((o) => o.value === connectionId)?.signedIn ?? null;
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2">
        {client ? <input type="hidden" name="id" value={client.id} /> : null}
        {client ? <input type="hidden" name="authMode" value={authMode} /> : null}
        <TextField
          label="Name"
          name="name"
          required
          maxLength={100}
          defaultValue={kept('name')}
          error={state.fieldErrors?.name}
          hint="Which device or program, e.g. Scanner 2nd floor."
        />
        <SelectField
          label="Authentication"
          name={client ? 'authModeShown' : 'authMode'}
          disabled={Boolean(client)}
          options={AUTH_MODES}
          value={authMode}
          onChange={(e) => setAuthMode(e.target.value)}
          error={state.fieldErrors?.authMode}
        />
        {authMode === 'password' ? (
          <TextField
            label="Username"
            name="username"
            maxLength={100}
            autoComplete="off"
            defaultValue={kept('username')}
            error={state.fieldErrors?.username}
            hint="The device logs in with it; Switchboard generates the password."
          />
        ) : (
          <TextareaField
            label="Networks"
            name="networks"
            rows={2}
            defaultValue={kept('networks')}
            error={state.fieldErrors?.networks}
            hint="CIDRs the device sends from, e.g. 10.20.30.0/24 or fd00::/8; one per line or separated by commas."
          />
        )}
        <TextareaField
          label="Allowed senders"
          name="allowedSenders"
          rows={2}
          defaultValue={kept('allowedSenders')}
          error={state.fieldErrors?.allowedSenders}
          hint="Addresses or @domains; the envelope sender and the From header must both be listed."
        />
        <TextField
          label="Message size limit (MB)"
          name="maxMessageMb"
          inputMode="numeric"
          defaultValue={kept('maxMessageMb', '35')}
          error={state.fieldErrors?.maxMessageMb}
        />
        <TextField
          label="Rate limit (messages per minute)"
          name="ratePerMinute"
          inputMode="numeric"
          defaultValue={kept('ratePerMinute', '30')}
          error={state.fieldErrors?.ratePerMinute}
        />
        <SelectField
          label="Connection"
          name="connectionId"
          placeholder="As in the Emails settings"
          options={routeOptions}
          value={connectionId}
          onChange={(e) => setConnectionId(e.target.value)}
          error={state.fieldErrors?.connectionId}
          hint="The Microsoft 365 connection this client’s messages are sent through: Microsoft Graph (the message as sent) or SMTP with OAuth 2.0."
        />
        {connectionId ? (
          <TextField
            label="Mailbox Email Address"
            name="mailboxAddress"
            type="email"
            maxLength={254}
            autoComplete="off"
            placeholder={signedIn ?? 'scanner@contoso.com'}
            defaultValue={kept('mailboxAddress')}
            error={state.fieldErrors?.mailboxAddress}
            hint={
              signedIn
                ? `The mailbox it sends as; empty: the signed-in ${signedIn}.`
                : 'The mailbox it sends as (an application connection needs one).'
            }
          />
        ) : null}
        <SelectField
          label="Graph fall-back connection"
          name="graphFallbackConnectionId"
          placeholder="As in the Emails settings"
          options={fallbackOptions}
          defaultValue={kept('graphFallbackConnectionId')}
          error={state.fieldErrors?.graphFallbackConnectionId}
          hint="When Exchange refuses SMTP AUTH for the Emails settings’ mailbox (535 5.7.139), this client’s messages go through Microsoft Graph with this connection, as the same mailbox."
        />
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="enabled"
            defaultChecked={
              state.status === 'error' ? state.values?.enabled === 'on' : (client?.values.enabled ?? 'on') === 'on'
            }
            className="h-4 w-4 rounded border-slate-300"
          />
          Enabled
        </label>
        <div className="md:col-span-2">
          <SubmitButton>{submitLabel}</SubmitButton>
        </div>
      </form>
      <FormMessage state={state} />
      {password ? <GeneratedPassword username={state.values?.username ?? ''} password={password} /> : null}
    </div>
  );
}
