'use client';
// Client component: shows the new key once, beside a copy button, and clears the form for the next one.
import { useActionState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { IDLE } from '@/lib/actions/action-state';
import { createApiKeyAction } from '../actions';

export function CreateApiKeyForm() {
  const [state, action] = useActionState(createApiKeyAction, IDLE);
  const created = state.status === 'success' ? state.values?.apiKey : undefined;
  return (
    <div className="space-y-4">
      <form action={action} noValidate className="flex flex-wrap items-end gap-3" key={created ?? 'form'}>
        <TextField
          label="Name"
          name="name"
          required
          maxLength={100}
          className="min-w-72"
          error={state.fieldErrors?.name}
          defaultValue={state.status === 'error' ? state.values?.name : ''}
          hint="Which program uses it, e.g. Ticketing system."
        />
        <SubmitButton>Create API key</SubmitButton>
      </form>
      <FormMessage state={state} />
      {created ? (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4">
          <label htmlFor="new-api-key" className="block text-sm font-medium text-amber-900">
            New API key
          </label>
          <div className="flex gap-2">
            <input
              id="new-api-key"
              readOnly
              value={created}
              className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm"
            />
            <CopyButton value={created} inputId="new-api-key" />
          </div>
          <p className="text-xs text-amber-900">
            Send it as <code>Authorization: Bearer {created.slice(0, 12)}…</code> to <code>POST /api/v1/messages</code>.
            Switchboard keeps only its hash.
          </p>
        </div>
      ) : null}
    </div>
  );
}
