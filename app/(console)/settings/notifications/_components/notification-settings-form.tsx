'use client';
// Client component: the form keeps what was typed after a refused save, and shows the result of each test button.
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { IDLE } from '@/lib/actions/action-state';
import { saveNotificationSettingsAction, testNotificationAction } from '../actions';

export interface NotificationFormValues {
  emailEnabled: boolean;
  emailRecipients: string;
  webhookEnabled: boolean;
  webhookUrl: string;
  secretText: string | null;
}

function Checkbox({ name, label, defaultChecked }: { name: string; label: string; defaultChecked: boolean }) {
  return (
    <label className="flex items-center gap-2 text-sm font-medium">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="h-4 w-4 rounded border-slate-300" />
      {label}
    </label>
  );
}

function TestButton({ channel, label }: { channel: 'email' | 'webhook'; label: string }) {
  const [state, action] = useActionState(testNotificationAction, IDLE);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="channel" value={channel} />
      <SubmitButton>{label}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function NotificationSettingsForm({ initial }: { initial: NotificationFormValues }) {
  const [state, action] = useActionState(saveNotificationSettingsAction, IDLE);
  const typed = state.status === 'error' ? state.values : undefined;
  const value = (name: keyof NotificationFormValues, fallback: string) => typed?.[name] ?? fallback;
  const checked = (name: 'emailEnabled' | 'webhookEnabled') => (typed ? typed[name] === 'on' : initial[name]);
  return (
    <div className="space-y-6">
      <form action={action} noValidate className="space-y-6" key={state.status === 'success' ? 'saved' : 'form'}>
        <fieldset className="space-y-3">
          <legend className="text-base font-semibold">Email</legend>
          <Checkbox name="emailEnabled" label="Email administrators" defaultChecked={checked('emailEnabled')} />
          <TextField
            label="Addresses"
            name="emailRecipients"
            defaultValue={value('emailRecipients', initial.emailRecipients)}
            error={state.fieldErrors?.emailRecipients}
            hint="Separated by commas. Sent through the outbox with the Emails settings; when email itself is broken, the webhook still tells."
          />
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="text-base font-semibold">Webhook</legend>
          <Checkbox name="webhookEnabled" label="Call a webhook" defaultChecked={checked('webhookEnabled')} />
          <TextField
            label="Webhook URL"
            name="webhookUrl"
            type="url"
            defaultValue={value('webhookUrl', initial.webhookUrl)}
            error={state.fieldErrors?.webhookUrl}
            hint="POST with a JSON body, signed like the E-mail Robot's calls (X-Switchboard-Signature)."
          />
          <TextField
            label="Webhook secret"
            name="webhookSecret"
            type="password"
            autoComplete="off"
            error={state.fieldErrors?.webhookSecret}
            hint={
              initial.secretText
                ? `${initial.secretText}. Leave blank to keep it.`
                : 'At least 16 characters; the receiver checks each call’s signature with it.'
            }
          />
        </fieldset>
        <FormMessage state={state} />
        <SubmitButton>Save</SubmitButton>
      </form>
      <div className="flex flex-wrap gap-6 border-t border-slate-200 pt-4">
        <TestButton channel="email" label="Send test email" />
        <TestButton channel="webhook" label="Call test webhook" />
      </div>
    </div>
  );
}
