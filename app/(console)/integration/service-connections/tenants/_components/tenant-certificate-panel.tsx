'use client';
// Client component: the tenant's credential — which one MSAL uses, the certificate's thumbprint and expiry with its
// public part to download, Generate certificate, and Upload (a PEM or PFX is read here and posted as a field; the
// server keeps only the private key's ciphertext and never sends it back).
import { startTransition, useActionState, useState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { IDLE } from '@/lib/actions/action-state';
import { CERTIFICATE_VALIDITY_DAYS, DEFAULT_CERTIFICATE_VALIDITY_DAYS } from '@/lib/tenants/certificate-validity';
import { generateCertificateAction, setCredentialTypeAction, uploadCertificateAction } from '../certificate-actions';

export interface TenantCertificateSummary {
  thumbprintSha256: string;
  expiresOn: string;
  setOn: string | null;
}

const VALIDITY_LABELS: Record<number, string> = { 180: '6 months', 365: '1 year', 730: '2 years' };

async function fileAsField(file: File): Promise<{ format: 'pem' | 'pfx'; value: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  if (text.includes('-----BEGIN')) return { format: 'pem', value: text };
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return { format: 'pfx', value: btoa(binary) };
}

export function TenantCertificatePanel({
  tenantId,
  credentialType,
  certificate,
  hasSecret,
}: {
  tenantId: string;
  credentialType: string;
  certificate: TenantCertificateSummary | null;
  hasSecret: boolean;
}) {
  const [generated, generate] = useActionState(generateCertificateAction, IDLE);
  const [uploaded, upload, uploading] = useActionState(uploadCertificateAction, IDLE);
  const [switched, switchType] = useActionState(setCredentialTypeAction, IDLE);
  const [fileError, setFileError] = useState<string | null>(null);
  const usesCertificate = credentialType === 'certificate';
  const download = `/integration/service-connections/tenants/${tenantId}/certificate`;

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
      <p className="text-sm">
        Signs in with its{' '}
        <strong data-testid="credential-type">{usesCertificate ? 'certificate' : 'client secret'}</strong>. Microsoft
        recommends a certificate: its private key never leaves Switchboard (stored encrypted), only signed assertions
        do.
      </p>
      {certificate ? (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="certificate-summary">
          <dt className="text-slate-600">Thumbprint (SHA-256)</dt>
          <dd className="font-mono break-all">{certificate.thumbprintSha256}</dd>
          <dt className="text-slate-600">Expires</dt>
          <dd>{certificate.expiresOn}</dd>
          <dt className="text-slate-600">Public certificate</dt>
          <dd className="space-x-3">
            <a className="underline" href={`${download}?format=cer`}>
              Download .cer
            </a>
            <a className="underline" href={`${download}?format=pem`}>
              Download .pem
            </a>
          </dd>
        </dl>
      ) : null}
      <p className="text-xs text-slate-500">
        Upload the public certificate in the Azure portal → App registrations → the app → Certificates &amp; secrets →
        Certificates → Upload certificate, then use Verify credentials above.
      </p>

      <form action={generate} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="id" value={tenantId} />
        <SelectField
          label="Validity"
          name="validityDays"
          defaultValue={String(DEFAULT_CERTIFICATE_VALIDITY_DAYS)}
          options={CERTIFICATE_VALIDITY_DAYS.map((days) => ({
            value: String(days),
            label: VALIDITY_LABELS[days] ?? `${days} days`,
          }))}
        />
        <SubmitButton variant="secondary">Generate certificate</SubmitButton>
      </form>
      <FormMessage state={generated} />

      <form onSubmit={(event) => void onUpload(event)} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="id" value={tenantId} />
        <label className="text-sm">
          <span className="mb-1 block font-medium">Existing certificate (.pem with its key, or .pfx)</span>
          <input type="file" name="certificateFile" accept=".pem,.pfx,.p12" className="text-sm" />
        </label>
        <TextField label="PFX password" name="pfxPassword" type="password" autoComplete="off" />
        <button
          type="submit"
          disabled={uploading}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm text-slate-800 hover:bg-slate-100 disabled:opacity-60"
        >
          {uploading ? 'Uploading…' : 'Upload certificate'}
        </button>
      </form>
      {fileError ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {fileError}
        </p>
      ) : null}
      <FormMessage state={uploaded} />

      {(usesCertificate && hasSecret) || (!usesCertificate && certificate) ? (
        <form action={switchType}>
          <input type="hidden" name="id" value={tenantId} />
          <input type="hidden" name="credentialType" value={usesCertificate ? 'secret' : 'certificate'} />
          <SubmitButton variant="secondary">
            {usesCertificate ? 'Use the client secret instead' : 'Use the certificate'}
          </SubmitButton>
        </form>
      ) : null}
      <FormMessage state={switched} />
    </div>
  );
}
