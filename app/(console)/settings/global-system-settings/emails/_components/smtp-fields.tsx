'use client';
// Client component: the SMTP questions, each shown only when the answers above make it matter.
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { SMTP_AUTH_LABELS, SMTP_AUTH_MODES, type SmtpAuthMode } from '@/lib/mail/settings/email-settings-schema';
import { CheckboxField } from './checkbox-field';
import { ConnectionFields } from './connection-fields';
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
}: {
  values: EmailFormValues;
  set: SetField;
  errors: Record<string, string>;
  connections: ConnectionOption[];
  storedPassword: StoredPassword | null;
}) {
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
        hint="On: TLS from the first byte (implicit TLS, usually port 465). Off: the connection is upgraded with STARTTLS, which is required."
      />
      {!values.useSsl && values.smtpAuth === 'none' ? (
        <CheckboxField
          label="Allow unencrypted connection"
          name="allowUnencrypted"
          checked={values.allowUnencrypted}
          onChange={(checked) => set('allowUnencrypted', checked)}
          error={errors.allowUnencrypted}
          hint="Only for a relay on this machine or a trusted network: when the server offers no STARTTLS, mail then travels in plain text."
        />
      ) : null}
      <SelectField
        label="SMTP Authentication"
        name="smtpAuth"
        options={SMTP_AUTH_MODES.map((mode) => ({ value: mode, label: SMTP_AUTH_LABELS[mode] }))}
        value={values.smtpAuth}
        onChange={(event) => set('smtpAuth', event.target.value as SmtpAuthMode)}
        error={errors.smtpAuth}
      />
      {values.smtpAuth === 'basic' ? (
        <>
          <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Basic authentication: Exchange Online turns off SMTP AUTH with a username and password by default at the end of December 2026. For
            Microsoft 365 choose Modern Authentication (OAuth 2.0) or Microsoft Graph.
          </p>
          <TextField label="Username" name="username" autoComplete="off" value={values.username} onChange={(event) => set('username', event.target.value)} error={errors.username} />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            value={values.password}
            onChange={(event) => set('password', event.target.value)}
            error={errors.password}
            hint={storedPassword ? `Set on ${storedPassword.setOn}${storedPassword.hint ? `, ends ••••${storedPassword.hint}` : ''}. Leave blank to keep it.` : 'Stored encrypted; never shown again.'}
          />
        </>
      ) : null}
      {values.smtpAuth === 'oauth' ? <ConnectionFields values={values} set={set} errors={errors} connections={connections} /> : null}
    </>
  );
}
