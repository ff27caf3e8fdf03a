'use client';
// Client component: a modal over Add Service Connection, so a tenant can be created without leaving (and losing)
// the connection form. It sits outside that form in the DOM (forms cannot nest), and its own form exists only while
// it is open, so every opening starts empty.
import { useEffect, useId, useRef } from 'react';
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

interface Handlers {
  onClose: () => void;
  onCreated: (tenant: CreatedTenant) => void;
}

function NewTenantForm({ titleId, onClose, onCreated }: Handlers & { titleId: string }) {
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

export function NewTenantDialog({ open, onClose, onCreated }: Handlers & { open: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="m-auto w-full max-w-3xl rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      {open ? <NewTenantForm titleId={titleId} onClose={onClose} onCreated={onCreated} /> : null}
    </dialog>
  );
}
