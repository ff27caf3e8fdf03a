'use client';
// Client component: the connection list follows the chosen way of sending, and the mailbox field follows the chosen
// connection (an application connection names the mailbox; a delegated one sends as its signed-in account).
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { ConnectionOption, EmailFormValues, SetField } from './form-values';

export function ConnectionFields({ values, set, errors, connections }: { values: EmailFormValues; set: SetField; errors: Record<string, string>; connections: ConnectionOption[] }) {
  const graph = values.connectionType === 'graph';
  const usable = connections.filter((c) => (graph ? c.graph : c.smtp));
  const chosen = connections.find((c) => c.id === values.connectionId);
  const listed = chosen && !usable.includes(chosen) ? [...usable, chosen] : usable;
  const options = listed.map((c) => ({ value: c.id, label: `${c.name} — ${c.stateLabel}` }));
  const application = chosen?.authType === 'application';
  const mailboxField = (
    <TextField
      label="Mailbox Email Address"
      name="mailboxAddress"
      type="email"
      autoComplete="off"
      value={values.mailboxAddress}
      onChange={(event) => set('mailboxAddress', event.target.value)}
      error={errors.mailboxAddress}
      hint={graph ? 'The mailbox the application sends from: POST /users/{mailbox}/sendMail.' : 'The mailbox that signs in to SMTP (XOAUTH2): the signed-in account, or a mailbox it has Full Access to.'}
    />
  );
  return (
    <>
      <SelectField
        label="Service Connection"
        name="connectionId"
        placeholder={options.length ? 'Choose a connection' : 'No connection can send this way yet'}
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
            ? 'A “Microsoft Entra ID Graph API” connection (delegated) or a client-credentials connection (application).'
            : 'A “Microsoft Entra ID Exchange” connection granted SMTP.Send, set up under Integration → Service Connections.'
        }
      />
      {!graph || application ? mailboxField : null}
      {graph && chosen && !application ? (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
          Sends as the signed-in mailbox{chosen.accountUsername ? ` ${chosen.accountUsername}` : ''} (POST /me/sendMail).
        </p>
      ) : null}
    </>
  );
}
