'use client';
// Client component: checks the form with the server's schema before sending, and keeps errors at their fields.
import Link from 'next/link';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { validateOnClient } from '@/components/ui/validate-on-client';
import type { ActionState } from '@/lib/actions/action-state';
import { createTenantSchema, updateTenantSchema } from '@/lib/tenants/schemas';
import { createTenantAction, updateTenantAction } from '../actions';
import { type StoredSecret, type TenantFieldValues, TenantFields } from './tenant-fields';

const LIST = '/integration/service-connections/tenants';

export function TenantForm({ tenantId, initial, storedSecret }: { tenantId?: string; initial: TenantFieldValues; storedSecret?: StoredSecret | null }) {
  const { state, onSubmit, pending } = useKeptForm(async (previous: ActionState, formData: FormData) => {
    const invalid = validateOnClient(tenantId ? updateTenantSchema : createTenantSchema, formData);
    if (invalid) return invalid;
    return tenantId ? updateTenantAction(previous, formData) : createTenantAction(previous, formData);
  });
  const values = state.status === 'error' && state.values ? { ...initial, ...state.values } : initial;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormMessage state={state} />
      {tenantId ? <input type="hidden" name="id" value={tenantId} /> : null}
      <TenantFields values={values} errors={state.fieldErrors ?? {}} storedSecret={storedSecret} />
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
        <SubmitButton disabled={pending}>Save &amp; Close</SubmitButton>
        <button
          type="button"
          disabled
          aria-describedby="verify-credentials-note"
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm text-slate-500 disabled:opacity-60"
        >
          Verify credentials
        </button>
        <Link href={LIST} className="text-sm underline">
          Cancel
        </Link>
      </div>
      <p id="verify-credentials-note" className="text-xs text-slate-500">
        Verify credentials (a client-credentials token request that proves the Tenant ID, Client ID and Client Secret
        together) arrives with the Microsoft sign-in engine; until then the values are checked for their form only.
      </p>
    </form>
  );
}
