'use client';
// Client component: a connection's OAuth token goes only to its cloud's SMTP hosts; for a Custom cloud, to the saved
// host, or to a new host once the administrator ticks this box for that very host. The server checks it again.
import { parseSmtpServer } from '@/lib/mail/settings/parse-smtp-server';
import { CheckboxField } from './checkbox-field';
import type { ConnectionOption, EmailFormValues, SetField } from './form-values';

export function TokenHostConfirmation({
  values,
  set,
  errors,
  connection,
  savedSmtpHost,
}: {
  values: EmailFormValues;
  set: SetField;
  errors: Record<string, string>;
  connection: ConnectionOption;
  savedSmtpHost: string;
}) {
  const server = parseSmtpServer(values.smtpServer);
  const host = server.ok ? server.host : '';
  if (connection.smtpTokenHosts) {
    return (
      <p className="text-xs text-slate-600">
        The token of “{connection.name}” is only ever sent to {connection.smtpTokenHosts.join(', ')}.
      </p>
    );
  }
  const needed = Boolean(host) && host !== savedSmtpHost;
  if (!needed && !errors.confirmSmtpHost) return null;
  return (
    <>
      <input type="hidden" name="confirmSmtpHost" value={values.confirmSmtpHost} />
      <CheckboxField
        label={`Send the access token of “${connection.name}” to ${host || 'this SMTP server'}`}
        name=""
        checked={Boolean(host) && values.confirmSmtpHost === host}
        onChange={(checked) => set('confirmSmtpHost', checked ? host : '')}
        error={errors.confirmSmtpHost}
        hint={`A Custom cloud has no known SMTP hosts: its token goes to the server saved with these settings${savedSmtpHost ? ` (${savedSmtpHost})` : ''}, and to a new one only once you confirm it.`}
      />
    </>
  );
}
