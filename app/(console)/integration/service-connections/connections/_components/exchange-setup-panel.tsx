'use client';
// Client component: the commands follow the mailbox and the setup chosen as they are typed, and each block copies.
import { useActionState, useId, useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { validateOnClient } from '@/components/ui/validate-on-client';
import { type ActionState, IDLE } from '@/lib/actions/action-state';
import {
  type ApplicationRole,
  EXCHANGE_SETUP_LABELS,
  type ExchangeSetupKind,
  exchangeSetupCommands,
} from '@/lib/connections/exchange-setup-commands';
import { setServicePrincipalIdAction } from '../exchange-setup-actions';

export interface ExchangeSetupPanelProps {
  connectionId: string;
  kinds: ExchangeSetupKind[];
  mailboxes: string[];
  appId: string;
  servicePrincipalId: string | null;
  /** "recorded from a token on …" or "typed on …" is not known apart; when it was last set. */
  servicePrincipalIdSetOn: string | null;
  displayName: string;
  roles: ApplicationRole[];
  application: boolean;
}

export function ExchangeSetupPanel(props: ExchangeSetupPanelProps) {
  const [kind, setKind] = useState<ExchangeSetupKind | undefined>(props.kinds[0]);
  const [mailbox, setMailbox] = useState(props.mailboxes[0] ?? '');
  const [state, action] = useActionState(async (previous: ActionState, formData: FormData) => {
    const schema = () => import('@/lib/connections/service-principal-schema').then((m) => m.servicePrincipalSchema);
    return (await validateOnClient(schema, formData)) ?? setServicePrincipalIdAction(previous, formData);
  }, IDLE);
  const mailboxListId = useId();

  if (!kind)
    return (
      <p className="text-sm text-slate-600">
        Nothing to run in Exchange for this connection: a delegated Microsoft Graph sign-in needs only the permissions
        its user consented to.
      </p>
    );
  const setup = exchangeSetupCommands({
    kind,
    mailbox: mailbox.trim() || '<mailbox>',
    appId: props.appId,
    servicePrincipalId: props.servicePrincipalId,
    displayName: props.displayName,
    roles: props.roles,
  });
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        What Azure alone cannot do, for Exchange Online PowerShell: paste each block as an Exchange administrator. The
        values are this connection’s own.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        {props.kinds.length > 1 ? (
          <SelectField
            label="Setup for"
            name="exchangeSetupKind"
            value={kind}
            onChange={(e) => setKind(e.target.value as ExchangeSetupKind)}
            options={props.kinds.map((k) => ({ value: k, label: EXCHANGE_SETUP_LABELS[k] }))}
          />
        ) : (
          <p className="text-sm">
            <span className="font-medium">Setup for: </span>
            {EXCHANGE_SETUP_LABELS[kind]}
          </p>
        )}
        <TextField
          label="Mailbox"
          name="exchangeSetupMailbox"
          value={mailbox}
          list={mailboxListId}
          onChange={(e) => setMailbox(e.target.value)}
          hint="The mailbox the connection sends as or reads (from the Emails settings and the E-mail Robot)."
        />
        <datalist id={mailboxListId}>
          {props.mailboxes.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
      </div>
      {props.application ? (
        <form action={action} noValidate className="space-y-2 rounded-md border border-slate-200 p-4">
          <input type="hidden" name="id" value={props.connectionId} />
          <TextField
            label="Enterprise application Object ID"
            name="servicePrincipalId"
            defaultValue={state.values?.servicePrincipalId ?? props.servicePrincipalId ?? ''}
            error={state.fieldErrors?.servicePrincipalId}
            hint={
              props.servicePrincipalId
                ? `Known since ${props.servicePrincipalIdSetOn ?? '—'} (the oid of the application's token at Test or Verify credentials, or typed here).`
                : 'Not known yet: click Test (or Verify credentials on the tenant), or type it from Enterprise applications → the app → Overview → Object ID (not the App registration’s).'
            }
          />
          <SubmitButton variant="secondary">Save Object ID</SubmitButton>
          <FormMessage state={state} />
        </form>
      ) : null}
      <ol className="space-y-4">
        {setup.steps.map((step, index) => (
          <li key={step.title}>
            <p className="mb-1 text-sm font-medium">
              {index + 1}. {step.title}
            </p>
            <div className="flex items-start gap-2">
              <pre
                aria-label={step.title}
                className="min-w-0 flex-1 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100"
              >
                <code>{step.command}</code>
              </pre>
              <CopyButton value={step.command} />
            </div>
          </li>
        ))}
      </ol>
      {setup.notes.length ? (
        <ul className="list-inside list-disc space-y-1 text-sm text-slate-700">
          {setup.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
