'use client';
// Client component: Rotate credential's first step, a new client secret (Value and expiry) or a new certificate
// (generated, or a PEM/PFX read here and posted as a field). The secret field is never sent back by the server.
import { startTransition, useActionState, useState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { IDLE } from '@/lib/actions/action-state';
import { CERTIFICATE_VALIDITY_DAYS, DEFAULT_CERTIFICATE_VALIDITY_DAYS } from '@/lib/tenants/certificate-validity';
import { latestSecretExpiry } from '@/lib/tenants/latest-secret-expiry';
import {
  addPendingGeneratedCertificateAction,
  addPendingSecretAction,
  addPendingUploadedCertificateAction,
} from '../rotation-actions';

const VALIDITY_LABELS: Record<number, string> = { 180: '6 months', 365: '1 year', 730: '2 years' };

async function fileAsField(file: File): Promise<{ format: 'pem' | 'pfx'; value: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  if (text.includes('-----BEGIN')) return { format: 'pem', value: text };
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return { format: 'pfx', value: btoa(binary) };
}

export function TenantRotationAddForms({ tenantId }: { tenantId: string }) {
  const [secretState, addSecret] = useActionState(addPendingSecretAction, IDLE);
  const [generated, generate] = useActionState(addPendingGeneratedCertificateAction, IDLE);
  const [uploaded, upload, uploading] = useActionState(addPendingUploadedCertificateAction, IDLE);
  const [fileError, setFileError] = useState<string | null>(null);

  async function onUpload(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const file = formData.get('certificateFile');
    formData.delete('certificateFile');
    if (!(file instanceof File) || file.size === 0) return setFileError('Choose a .pem or .pfx file');
    setFileError(null);
    const { format, value } = await fileAsField(file);
    formData.set('format', format);
    formData.set('keyFile', value);
    startTransition(() => upload(formData));
  }

  return (
    <div className="space-y-5">
      <form action={addSecret} className="space-y-3" noValidate>
        <input type="hidden" name="id" value={tenantId} />
        <p className="text-xs text-slate-500">
          Create it under Azure → App registrations → the app → Certificates &amp; secrets → Client secrets → New client
          secret (6 or 12 months is a good choice), and copy its Value.
        </p>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label="New client secret"
            name="clientSecret"
            type="password"
            autoComplete="off"
            error={secretState.fieldErrors?.clientSecret}
          />
          <TextField
            label="New secret expires on"
            name="expiresOn"
            type="date"
            max={latestSecretExpiry()}
            defaultValue={secretState.values?.expiresOn}
            error={secretState.fieldErrors?.expiresOn}
            hint="At most two years ahead, as Microsoft allows"
          />
        </div>
        <SubmitButton variant="secondary">Add new client secret</SubmitButton>
        <FormMessage state={secretState} />
      </form>

      <form action={generate} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="id" value={tenantId} />
        <SelectField
          label="New certificate valid for"
          name="validityDays"
          defaultValue={String(DEFAULT_CERTIFICATE_VALIDITY_DAYS)}
          options={CERTIFICATE_VALIDITY_DAYS.map((days) => ({
            value: String(days),
            label: VALIDITY_LABELS[days] ?? `${days} days`,
          }))}
        />
        <SubmitButton variant="secondary">Generate new certificate</SubmitButton>
      </form>
      <FormMessage state={generated} />

      <form onSubmit={(event) => void onUpload(event)} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="id" value={tenantId} />
        <label className="text-sm">
          <span className="mb-1 block font-medium">New certificate (.pem with its key, or .pfx)</span>
          <input type="file" name="certificateFile" accept=".pem,.pfx,.p12" className="text-sm" />
        </label>
        <TextField label="Password of the new PFX" name="pfxPassword" type="password" autoComplete="off" />
        <button
          type="submit"
          disabled={uploading}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm text-slate-800 hover:bg-slate-100 disabled:opacity-60"
        >
          {uploading ? 'Uploading…' : 'Upload new certificate'}
        </button>
      </form>
      {fileError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {fileError}
        </p>
      ) : null}
      <FormMessage state={uploaded} />
    </div>
  );
}
