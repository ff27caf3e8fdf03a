'use client';
// Client component: the connection list follows the chosen way of sending (connections that cannot send that way are
// shown disabled with the reason), and the mailbox field follows the chosen connection.
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { ConnectionOption, EmailFormValues, SetField } from './form-values';
import { TokenHostConfirmation } from './token-host-confirmation';

function mailboxHint(graph: boolean, chosen: ConnectionOption | undefined, mailbox: string): string {
  if (!graph && chosen?.authType === 'application')
    return 'The mailbox the application signs in to SMTP as (the XOAUTH2 user): Exchange needs the app’s service principal registered (New-ServicePrincipal) with Full Access to it (Add-MailboxPermission).';
  if (!graph)
    return 'The mailbox that signs in to SMTP (XOAUTH2): the signed-in account, or a mailbox it has Full Access to.';
  if (!chosen)
    return 'The mailbox that was used for Service Connection creation and authentication, or another one it may send as.';
  if (chosen.authType === 'application')
    return 'The mailbox the application sends from: POST /users/{mailbox}/sendMail.';
  const account = chosen.accountUsername?.toLowerCase() ?? '';
  if (!mailbox || mailbox.toLowerCase() === account)
    return `The signed-in mailbox${account ? ` ${account}` : ''}: POST /me/sendMail.`;
  return `Another mailbox the signed-in account may send as (e.g. a shared mailbox): POST /users/{mailbox}/sendMail, which needs Mail.Send.Shared${chosen.sendShared ? ' (granted)' : ': turn on the connection’s optional capability “Send as other mailboxes (Mail.Send.Shared)” and run Setup Authentication again'}.`;
}

export function ConnectionFields({
  values,
  set,
  errors,
  connections,
  savedSmtpHost,
}: {
  values: EmailFormValues;
  set: SetField;
  errors: Record<string, string>;
  connections: ConnectionOption[];
  savedSmtpHost: string;
}) {
  const graph = values.connectionType === 'graph';
  const chosen = connections.find((c) => c.id === values.connectionId);
  const fitOf = (c: ConnectionOption) => (graph ? c.graph : c.smtp);
  const options = connections.map((c) => {
    const fit = fitOf(c);
    return {
      value: c.id,
      label: fit.usable ? `${c.name} — ${c.stateLabel}` : `${c.name} — ${fit.reason}`,
      disabled: !fit.usable,
    };
  });
  const chosenFit = chosen ? fitOf(chosen) : null;
  const usable = options.filter((o) => !o.disabled).length;
  return (
    <>
      <TextField
        label="Mailbox Email Address"
        name="mailboxAddress"
        type="email"
        autoComplete="off"
        value={values.mailboxAddress}
        onChange={(event) => set('mailboxAddress', event.target.value)}
        error={errors.mailboxAddress}
        hint={mailboxHint(graph, chosen, values.mailboxAddress)}
      />
      <SelectField
        label="Service Connection"
        name="connectionId"
        placeholder={usable ? 'Choose a connection' : 'No connection can send this way yet'}
        options={options}
        value={values.connectionId}
        onChange={(event) => {
          set('connectionId', event.target.value);
          const account = connections.find((c) => c.id === event.target.value)?.accountUsername;
          // The signed-in account is the usual mailbox and sender: filled in when still empty.
          if (account && !values.mailboxAddress) set('mailboxAddress', account);
          if (account && !values.senderAddress) set('senderAddress', account);
        }}
        error={errors.connectionId}
        hint={
          graph
            ? 'A “Microsoft Entra ID Graph API” connection granted Mail.Send (delegated), or a client-credentials connection (application).'
            : 'A “Microsoft Entra ID Exchange” connection granted SMTP.Send, or a client-credentials connection (SMTP.SendAsApp).'
        }
      />
      {chosenFit?.usable && chosenFit.warning ? (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          “{chosen?.name}”: {chosenFit.warning}.
        </p>
      ) : null}
      {!graph && chosen ? (
        <TokenHostConfirmation
          values={values}
          set={set}
          errors={errors}
          connection={chosen}
          savedSmtpHost={savedSmtpHost}
        />
      ) : null}
    </>
  );
}
