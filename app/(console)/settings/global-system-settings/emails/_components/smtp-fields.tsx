'use client';
// Client component: the SMTP questions, each shown only when the answers above make it matter.
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { parseSmtpServer } from '@/lib/mail/settings/parse-smtp-server';
import { IMPLICIT_TLS_PORT } from '@/lib/mail/settings/smtp-security';
import { SMTP_AUTH_KINDS, SMTP_AUTH_LABELS } from '@/lib/mail/transports/smtp/smtp-auth-kinds';
import type { SmtpAuthKind } from '@/lib/mail/transports/smtp/smtp-transport';
import { CheckboxField } from './checkbox-field';
import { ConnectionFields } from './connection-fields';
import { GraphFallbackField } from './graph-fallback-field';
import type { ConnectionOption, EmailFormValues, SetField } from './form-values';

export interface StoredPassword {
  setOn: string;
  hint: string | null;
}

export function SmtpFields({
  values,
  set,
  errors,
  connections,
  storedPassword,
  savedSmtpHost,
}: {
  values: EmailFormValues;
  set: SetField;
  errors: Record<string, string>;
  connections: ConnectionOption[];
  storedPassword: StoredPassword | null;
  savedSmtpHost: string;
}) {
  const server = parseSmtpServer(values.smtpServer);
  const port = server.ok ? server.port : 0;
  return (
    <>
      <TextField
        label="SMTP server"
        name="smtpServer"
        placeholder="smtp.office365.com:587"
        spellCheck={false}
        autoComplete="off"
        value={values.smtpServer}
        onChange={(event) => set('smtpServer', event.target.value)}
        error={errors.smtpServer}
        hint="host:port — smtp.office365.com:587 for Exchange Online."
      />
      <CheckboxField
        label="Use SSL"
        name="useSsl"
        checked={values.useSsl}
        onChange={(checked) => set('useSsl', checked)}
        error={errors.useSsl}
        hint={
          port === IMPLICIT_TLS_PORT
            ? 'Port 465: TLS from the first byte, so Use SSL must be ticked.'
            : values.useSsl
              ? values.implicitTls
                ? 'Ticked: TLS from the first byte on this port.'
                : 'Ticked: the connection is upgraded with STARTTLS, which is required (refused when the server does not offer it).'
              : 'Not ticked: STARTTLS when the server offers it; otherwise plain text, and then no password or token is ever sent.'
        }
      />
      {values.useSsl && port !== IMPLICIT_TLS_PORT ? (
        <CheckboxField
          label="TLS from the first byte on this port"
          name="implicitTls"
          checked={values.implicitTls}
          onChange={(checked) => set('implicitTls', checked)}
          error={errors.implicitTls}
          hint="Advanced: for a server that speaks TLS at once on a port other than 465 (e.g. 2465). Leave it off for STARTTLS (587, 25)."
        />
      ) : null}
      <SelectField
        label="SMTP Authentication"
        name="smtpAuth"
        options={SMTP_AUTH_KINDS.map((mode) => ({ value: mode, label: SMTP_AUTH_LABELS[mode] }))}
        value={values.smtpAuth}
        onChange={(event) => set('smtpAuth', event.target.value as SmtpAuthKind)}
        error={errors.smtpAuth}
      />
      {values.smtpAuth === 'basic' ? (
        <>
          <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Basic authentication: Exchange Online turns off SMTP AUTH with a username and password by default at the end
            of December 2026. For Microsoft 365 choose Modern Authentication (OAuth 2.0) or Microsoft Graph.
          </p>
          <TextField
            label="Username"
            name="username"
            autoComplete="off"
            value={values.username}
            onChange={(event) => set('username', event.target.value)}
            error={errors.username}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={(event) => set('password', event.target.value)}
            error={errors.password}
            hint={
              storedPassword
                ? `Set on ${storedPassword.setOn}${storedPassword.hint ? `, ends ••••${storedPassword.hint}` : ''}. Leave blank to keep it (only for the SMTP server it was saved for).`
                : 'Stored encrypted; never shown again.'
            }
          />
        </>
      ) : null}
      {values.smtpAuth === 'oauth' ? (
        <>
          <ConnectionFields
            values={values}
            set={set}
            errors={errors}
            connections={connections}
            savedSmtpHost={savedSmtpHost}
          />
          <GraphFallbackField values={values} set={set} errors={errors} connections={connections} />
        </>
      ) : null}
    </>
  );
}
