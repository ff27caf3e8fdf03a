'use client';
// Client component: keeps the pasted certificate after an error (never the key: secrets are not echoed back).
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextareaField } from '@/components/ui/textarea-field';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { setRelayCertificateAction } from '../actions';

export function RelayCertificateForm() {
  const { state, onSubmit } = useKeptForm(setRelayCertificateAction);
  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} noValidate className="grid gap-4 md:grid-cols-2">
        <TextareaField
          label="Certificate (PEM)"
          name="certificatePem"
          rows={4}
          className="font-mono"
          error={state.fieldErrors?.certificatePem}
          hint="-----BEGIN CERTIFICATE----- …"
        />
        <TextareaField
          label="Private key (PEM)"
          name="privateKeyPem"
          rows={4}
          className="font-mono"
          autoComplete="off"
          error={state.fieldErrors?.privateKeyPem}
          hint="Unencrypted RSA key, PKCS#8 or PKCS#1; stored encrypted."
        />
        <div className="md:col-span-2">
          <SubmitButton variant="secondary">Upload certificate</SubmitButton>
        </div>
      </form>
      <FormMessage state={state} />
    </div>
  );
}
