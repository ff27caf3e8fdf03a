'use client';
// Client component: checks the form with the server's schema before sending, and keeps errors at their fields.
import Link from 'next/link';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { validateOnClient } from '@/components/ui/validate-on-client';
import { useRef, useState } from 'react';
import { type ActionState, IDLE } from '@/lib/actions/action-state';
import { createTenantAction, updateTenantAction, verifyTenantAction } from '../actions';
import { type StoredSecret, type TenantFieldValues, TenantFields } from './tenant-fields';

const LIST = '/integration/service-connections/tenants';

export function TenantForm({
  tenantId,
  initial,
  storedSecret,
}: {
  tenantId?: string;
  initial: TenantFieldValues;
  storedSecret?: StoredSecret | null;
}) {
  const { state, onSubmit, pending } = useKeptForm(async (previous: ActionState, formData: FormData) => {
    const invalid = await validateOnClient(
      () => import('@/lib/tenants/schemas').then((m) => (tenantId ? m.updateTenantSchema : m.createTenantSchema)),
      formData,
    );
    if (invalid) return invalid;
    return tenantId ? updateTenantAction(previous, formData) : createTenantAction(previous, formData);
  });
  const values = state.status === 'error' && state.values ? { ...initial, ...state.values } : initial;
  const form = useRef<HTMLFormElement>(null);
  const [verified, setVerified] = useState<ActionState | null>(null);
  const [verifying, setVerifying] = useState(false);

  async function verify() {
    if (!form.current) return;
    setVerifying(true);
    setVerified(null);
    try {
      const formData = new FormData(form.current);
      const schema = () => import('@/lib/tenants/schemas').then((m) => m.verifyTenantSchema);
      setVerified((await validateOnClient(schema, formData)) ?? (await verifyTenantAction(IDLE, formData)));
    } finally {
      setVerifying(false);
    }
  }

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-6">
      <FormMessage state={state} />
      {tenantId ? <input type="hidden" name="id" value={tenantId} /> : null}
      <TenantFields
        values={values}
        errors={{ ...(state.fieldErrors ?? {}), ...(verified?.fieldErrors ?? {}) }}
        storedSecret={storedSecret}
        chooseCredential={!tenantId}
      />
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
        <SubmitButton disabled={pending}>Save &amp; Close</SubmitButton>
        <button
          type="button"
          onClick={() => void verify()}
          disabled={verifying}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm text-slate-800 hover:bg-slate-100 disabled:opacity-60"
        >
          {verifying ? 'Verifying…' : 'Verify credentials'}
        </button>
        <Link href={LIST} className="text-sm underline">
          Cancel
        </Link>
      </div>
      <p className="text-xs text-slate-500">
        Verify credentials asks Microsoft for an application token with the values above (the stored secret when the
        field is blank), which proves the Tenant ID, Client ID and Client Secret together. Nothing is saved.
      </p>
      {verified ? (
        <div
          role={verified.status === 'success' ? 'status' : 'alert'}
          data-testid="verify-result"
          className={`rounded-md p-3 text-sm ${verified.status === 'success' ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}
        >
          {verified.message}
        </div>
      ) : null}
    </form>
  );
}
