'use client';
// Client component: the Custom cloud's URLs and resource names appear only when Custom is chosen. Shared by the tenant form and
// the "New tenant" dialog of Add Service Connection, so both ask the same questions with the same labels.
import { useState } from 'react';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { CLOUDS, GLOBAL_RESOURCES } from '@/lib/entra/clouds';
import { storedSecretText } from '@/lib/tenants/stored-secret-text';

export interface TenantFieldValues {
  name?: string;
  cloud?: string;
  authorityHost?: string;
  graphBaseUrl?: string;
  graphResource?: string;
  exchangeResource?: string;
  directoryId?: string;
  clientId?: string;
  expiresOn?: string;
}

/** What the browser may know about a stored secret: when it was set and its last four characters. */
export interface StoredSecret {
  setOn: string;
  hint: string | null;
}

const CREDENTIAL_OPTIONS = [
  { value: 'secret', label: 'Client secret' },
  { value: 'certificate', label: 'Certificate (generated or uploaded next)' },
];

const CLOUD_OPTIONS = CLOUDS.map((cloud) => ({ value: cloud.id, label: cloud.label }));

export function TenantFields({
  values,
  errors,
  storedSecret,
  chooseCredential = false,
}: {
  values: TenantFieldValues;
  errors: Record<string, string>;
  /** Edit: the secret already stored (write-only: blank keeps it). */
  storedSecret?: StoredSecret | null;
  /** Add Tenant: a client secret, or a certificate made on the tenant's page after saving. */
  chooseCredential?: boolean;
}) {
  const [credentialType, setCredentialType] = useState('secret');
  const [cloud, setCloud] = useState(values.cloud ?? 'global');
  // Controlled, so a failed submission does not wipe what was typed; it is never sent back by the server.
  const [secret, setSecret] = useState('');
  const known = CLOUDS.find((c) => c.id === cloud);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        label="Name"
        name="name"
        required
        maxLength={100}
        defaultValue={values.name}
        error={errors.name}
        hint="How this app registration is called in Switchboard, e.g. Contoso."
      />
      <SelectField
        label="Cloud"
        name="cloud"
        options={CLOUD_OPTIONS}
        value={cloud}
        onChange={(event) => setCloud(event.target.value)}
        error={errors.cloud}
        hint={
          known?.authorityHost
            ? `Sign-in at ${known.authorityHost}, Graph at ${known.graphBaseUrl}`
            : 'Any identity platform that serves the standard Entra ID v2.0 and Graph v1.0 paths, such as the sandbox.'
        }
      />
      {cloud === 'custom' ? (
        <>
          <TextField
            label="Authority host"
            name="authorityHost"
            type="url"
            required
            placeholder="https://login.contoso.test"
            defaultValue={values.authorityHost}
            error={errors.authorityHost}
            hint="The https:// origin in front of /{tenant}/oauth2/v2.0/authorize."
          />
          <TextField
            label="Graph base URL"
            name="graphBaseUrl"
            type="url"
            required
            placeholder="https://graph.contoso.test"
            defaultValue={values.graphBaseUrl}
            error={errors.graphBaseUrl}
            hint="The https:// origin in front of /v1.0/…, without the version."
          />
          <TextField
            label="Graph resource"
            name="graphResource"
            type="url"
            spellCheck={false}
            placeholder={GLOBAL_RESOURCES.graph}
            defaultValue={values.graphResource}
            error={errors.graphResource}
            hint="Optional: the resource Graph tokens are asked for ({resource}/Mail.Send). Blank: Microsoft’s global name."
          />
          <TextField
            label="Exchange resource"
            name="exchangeResource"
            type="url"
            spellCheck={false}
            placeholder={GLOBAL_RESOURCES.exchange}
            defaultValue={values.exchangeResource}
            error={errors.exchangeResource}
            hint="Optional: the resource of SMTP and IMAP tokens ({resource}/SMTP.Send, {resource}/.default). Blank: Microsoft’s global names."
          />
        </>
      ) : null}
      <TextField
        label="Tenant ID"
        name="directoryId"
        required
        spellCheck={false}
        autoComplete="off"
        defaultValue={values.directoryId}
        error={errors.directoryId}
        hint="Directory (tenant) ID on the app registration’s Overview page, or a verified domain such as contoso.onmicrosoft.com."
      />
      <TextField
        label="Client ID"
        name="clientId"
        required
        spellCheck={false}
        autoComplete="off"
        defaultValue={values.clientId}
        error={errors.clientId}
        hint="Application (client) ID on the same Overview page."
      />
      {chooseCredential ? (
        <SelectField
          label="Credential"
          name="credentialType"
          options={CREDENTIAL_OPTIONS}
          value={credentialType}
          onChange={(event) => setCredentialType(event.target.value)}
          error={errors.credentialType}
          hint={
            credentialType === 'certificate'
              ? 'After Save & Close, generate a certificate (or upload yours) on the tenant’s page and upload its public part in Azure → Certificates & secrets → Certificates.'
              : 'Microsoft recommends a certificate over a client secret.'
          }
        />
      ) : null}
      {credentialType === 'certificate' ? null : (
        <>
          <TextField
            label="Client Secret"
            name="clientSecret"
            type="password"
            value={secret}
            onChange={(event) => setSecret(event.target.value)}
            required={!storedSecret}
            autoComplete="new-password"
            spellCheck={false}
            error={errors.clientSecret}
            hint={
              storedSecret
                ? `Client secret ${storedSecretText(storedSecret)}. It is never shown again: leave this blank to keep it, or enter a new one to replace it.`
                : 'Certificates & secrets → New client secret → copy its Value (not the Secret ID). Stored encrypted; never shown again.'
            }
          />
          <TextField
            label="Client secret expires on"
            name="expiresOn"
            type="date"
            defaultValue={values.expiresOn}
            error={errors.expiresOn}
            hint="Optional: the Expires date shown next to the secret in Azure. The Tenants list warns 30 and 7 days ahead."
          />
        </>
      )}
    </div>
  );
}
