'use client';
// Client component: the authentication choice shows either the username or the networks, every field keeps what was
// typed after an error, and a generated password is shown once with a copy button.
import { useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextareaField } from '@/components/ui/textarea-field';
import { TextField } from '@/components/ui/text-field';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { createRelayClientAction } from '../actions';

const AUTH_MODES = [
  { value: 'password', label: 'Username and password' },
  { value: 'network', label: 'No authentication, from listed networks only' },
];

export function RelayClientForm() {
  const { state, onSubmit } = useKeptForm(createRelayClientAction);
  const [authMode, setAuthMode] = useState('password');
  const password = state.status === 'success' ? state.values?.generatedPassword : undefined;
  const kept = (name: string, fallback = '') => (state.status === 'error' ? (state.values?.[name] ?? '') : fallback);
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2">
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
          name="authMode"
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
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="enabled"
            defaultChecked={state.status === 'error' ? state.values?.enabled === 'on' : true}
            className="h-4 w-4 rounded border-slate-300"
          />
          Enabled
        </label>
        <div className="md:col-span-2">
          <SubmitButton>Add relay client</SubmitButton>
        </div>
      </form>
      <FormMessage state={state} />
      {password ? (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4">
          <label htmlFor="new-relay-password" className="block text-sm font-medium text-amber-900">
            Password for {state.values?.username}
          </label>
          <div className="flex gap-2">
            <input
              id="new-relay-password"
              readOnly
              value={password}
              className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
            />
            <CopyButton value={password} inputId="new-relay-password" />
          </div>
          <p className="text-xs text-amber-900">Enter it in the device now. Switchboard keeps only its hash.</p>
        </div>
      ) : null}
    </div>
  );
}
