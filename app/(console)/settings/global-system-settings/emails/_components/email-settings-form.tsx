'use client';
// Client component: fields appear and disappear with the choices (SMTP or Graph, the kind of authentication, the
// connection), every field is kept while the administrator switches back and forth, and the two buttons send the
// same fields to Done or to Send test email. The form is never reset by React after either (useKeptForm): every
// field shows what the administrator chose, and Done saves exactly that. The server checks the same rules again.
import { useState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { validateOnClient } from '@/components/ui/validate-on-client';
import type { ActionState } from '@/lib/actions/action-state';
import type { TransportKind } from '@/lib/mail/transports/email-transport';
import { TRANSPORT_FORMS, TRANSPORT_KIND_LIST } from '@/lib/mail/transports/transport-forms';
import { saveEmailSettingsAction, sendTestEmailAction } from '../actions';
import { CheckboxField } from './checkbox-field';
import { ConnectionFields } from './connection-fields';
import type { ConnectionOption, EmailFormValues, SetField } from './form-values';
import { SmtpFields, type StoredPassword } from './smtp-fields';
import { TestEmailResult } from './test-email-result';
import { UnplacedErrors } from './unplaced-errors';

interface KindFieldsProps {
  values: EmailFormValues;
  set: SetField;
  errors: Record<string, string>;
  connections: ConnectionOption[];
  storedPassword: StoredPassword | null;
  savedSmtpHost: string;
}

// The questions each transport asks, typed over the kinds: a new kind without its fields does not compile.
const FIELDS_OF_KIND: { [K in TransportKind]: (props: KindFieldsProps) => React.ReactNode } = {
  smtp: SmtpFields,
  graph: ConnectionFields,
};

export function EmailSettingsForm({
  initial,
  connections,
  storedPassword,
  savedSmtpHost,
}: {
  initial: EmailFormValues;
  connections: ConnectionOption[];
  storedPassword: StoredPassword | null;
  savedSmtpHost: string;
}) {
  const [values, setValues] = useState(initial);
  const set: SetField = (key, value) => setValues((current) => ({ ...current, [key]: value }));
  // Which button was pressed last: its answer is shown (Done's at the top, the test's in the Test section).
  const [last, setLast] = useState<'save' | 'test'>('save');
  const [saved, setSaved] = useState<ActionState>({ status: 'idle' });
  const [tested, setTested] = useState<ActionState>({ status: 'idle' });
  const { onSubmit, pending } = useKeptForm(async (previous: ActionState, formData: FormData) => {
    const kind = formData.get('intent') === 'test' ? 'test' : 'save';
    setLast(kind);
    const schema = () =>
      import('@/lib/mail/settings/email-settings-schema').then((m) =>
        kind === 'test' ? m.testEmailSchema : m.emailSettingsSchema,
      );
    const result =
      (await validateOnClient(schema, formData)) ??
      (await (kind === 'test' ? sendTestEmailAction : saveEmailSettingsAction)(previous, formData));
    (kind === 'test' ? setTested : setSaved)(result);
    return result;
  });
  const errors = (last === 'save' ? saved.fieldErrors : tested.fieldErrors) ?? {};
  const KindFields = FIELDS_OF_KIND[values.connectionType];
  const graphOffered = values.connectionType === 'graph' || connections.some((c) => c.graph.usable);
  const typeOptions = TRANSPORT_KIND_LIST.filter((t) => t !== 'graph' || graphOffered).map((t) => ({
    value: t,
    label: TRANSPORT_FORMS[t].label,
  }));

  return (
    <form noValidate className="space-y-5" onSubmit={onSubmit}>
      {last === 'save' ? <FormMessage state={saved} /> : null}
      <UnplacedErrors errors={errors} values={values} />
      <CheckboxField
        label="Enabled"
        name="enabled"
        checked={values.enabled}
        onChange={(checked) => set('enabled', checked)}
        hint="Switchboard sends email only while this is on. A test email is sent either way."
      />
      <SelectField
        label="SMTP Server Connection Type"
        name="connectionType"
        options={typeOptions}
        value={values.connectionType}
        onChange={(event) => set('connectionType', event.target.value as TransportKind)}
        error={errors.connectionType}
        hint={
          graphOffered
            ? 'SMTP: any SMTP server, Exchange Online with OAuth 2.0 included. Microsoft Graph: HTTPS, no SMTP AUTH needed.'
            : 'Microsoft Graph is offered once a connection may send mail through Graph (Mail.Send).'
        }
      />
      <KindFields
        values={values}
        set={set}
        errors={errors}
        connections={connections}
        storedPassword={storedPassword}
        savedSmtpHost={savedSmtpHost}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Default Sender"
          name="senderAddress"
          type="email"
          autoComplete="off"
          value={values.senderAddress}
          onChange={(event) => set('senderAddress', event.target.value)}
          error={errors.senderAddress}
          hint="The From address. The mailbox must be allowed to send as it."
        />
        <TextField
          label="Display name"
          name="senderName"
          value={values.senderName}
          onChange={(event) => set('senderName', event.target.value)}
          error={errors.senderName}
          hint="Shown as the sender’s name, e.g. Contoso Service Desk."
        />
      </div>
      <TextareaField
        label="Other allowed senders"
        name="allowedSenders"
        rows={2}
        value={values.allowedSenders}
        onChange={(event) => set('allowedSenders', event.target.value)}
        error={errors.allowedSenders}
        hint="From addresses programs may ask for through the API besides the Default Sender: one address or @domain per line."
      />
      <section aria-labelledby="test-email" className="space-y-3 rounded-md border border-slate-200 p-4">
        <h2 id="test-email" className="text-base font-semibold">
          Test
        </h2>
        <TextField
          label="Test recipient"
          name="testRecipient"
          type="email"
          value={values.testRecipient}
          onChange={(event) => set('testRecipient', event.target.value)}
          error={errors.testRecipient}
          hint="Sends one real message with the settings above, saved or not, and shows what the server answered. A test is tried once and never again."
        />
        <SubmitButton variant="secondary" name="intent" value="test" disabled={pending}>
          {pending && last === 'test' ? 'Sending…' : 'Send test email'}
        </SubmitButton>
        {last === 'test' && !tested.values?.messageId ? <FormMessage state={tested} /> : null}
        <TestEmailResult state={tested} />
      </section>
      <div className="flex items-center gap-3 border-t border-slate-200 pt-4">
        <SubmitButton name="intent" value="save" disabled={pending}>
          Done
        </SubmitButton>
      </div>
    </form>
  );
}
