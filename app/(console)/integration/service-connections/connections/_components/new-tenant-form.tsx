'use client';
// Client component: the New tenant dialog's form, in a chunk of its own: the page loads it when the dialog first opens
// (new-tenant-dialog.tsx), not with Add Service Connection.
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { validateOnClient } from '@/components/ui/validate-on-client';
import { type ActionState, IDLE } from '@/lib/actions/action-state';
import { TenantFields } from '../../tenants/_components/tenant-fields';
import { createTenantInPlaceAction } from '../actions';

export interface CreatedTenant {
  id: string;
  name: string;
}

export interface NewTenantHandlers {
  onClose: () => void;
  onCreated: (tenant: CreatedTenant) => void;
}

export function NewTenantForm({ titleId, onClose, onCreated }: NewTenantHandlers & { titleId: string }) {
  const { state, onSubmit, pending } = useKeptForm(async (previous: ActionState, formData: FormData) => {
    const invalid = await validateOnClient(
      () => import('@/lib/tenants/schemas').then((m) => m.createTenantSchema),
      formData,
    );
    if (invalid) return invalid;
    const result = await createTenantInPlaceAction(previous, formData);
    const id = result.values?.id;
    const name = result.values?.name;
    if (result.status === 'success' && id && name) onCreated({ id, name });
    return result;
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 p-6">
      <h2 id={titleId} className="text-lg font-semibold">
        New tenant
      </h2>
      <p className="text-sm text-slate-600">
        Copy each value from the app registration in the Azure portal. The connection form keeps what you typed.
      </p>
      <FormMessage state={state.status === 'error' ? state : IDLE} />
      <TenantFields
        values={state.status === 'error' ? (state.values ?? { cloud: 'global' }) : { cloud: 'global' }}
        errors={state.fieldErrors ?? {}}
      />
      <div className="flex items-center gap-3 border-t border-slate-200 pt-4">
        <SubmitButton disabled={pending}>Create tenant</SubmitButton>
        <button type="button" className="text-sm underline" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
