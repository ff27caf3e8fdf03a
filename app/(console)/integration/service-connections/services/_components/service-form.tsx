'use client';
// Client component: Add Service (name, authentication type, Scope list) and, for an administrator's own service,
// rename; both checked with the server's schema first.
import Link from 'next/link';
import { FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { TextareaField } from '@/components/ui/textarea-field';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { validateOnClient } from '@/components/ui/validate-on-client';
import type { ActionState } from '@/lib/actions/action-state';
import { AUTH_TYPE_LABELS, AUTH_TYPES } from '@/lib/services/auth-types';
import { createServiceAction, updateServiceAction } from '../actions';

const LIST = '/integration/service-connections/services';

export function ServiceForm({ service }: { service?: { id: string; name: string; description: string } }) {
  const { state, onSubmit, pending } = useKeptForm(async (previous: ActionState, formData: FormData) => {
    const invalid = await validateOnClient(
      () => import('@/lib/services/schemas').then((m) => (service ? m.updateServiceSchema : m.createServiceSchema)),
      formData,
    );
    if (invalid) return invalid;
    return service ? updateServiceAction(previous, formData) : createServiceAction(previous, formData);
  });
  const values = state.status === 'error' ? (state.values ?? {}) : {};
  const errors = state.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessage state={state} />
      {service ? <input type="hidden" name="id" value={service.id} /> : null}
      <TextField
        label="Name"
        name="name"
        required
        maxLength={100}
        defaultValue={values.name ?? service?.name}
        error={errors.name}
      />
      {service ? null : (
        <SelectField
          label="Authentication type"
          name="authType"
          defaultValue={values.authType ?? 'delegated'}
          options={AUTH_TYPES.map((type) => ({ value: type, label: AUTH_TYPE_LABELS[type] }))}
          error={errors.authType}
          hint="Delegated: a mailbox user signs in (Setup Authentication). Application: the app’s own permissions, no sign-in. Fixed once created."
        />
      )}
      <TextField
        label="Description"
        name="description"
        maxLength={500}
        defaultValue={values.description ?? service?.description}
        error={errors.description}
      />
      {service ? null : (
        <TextareaField
          label="Scope"
          name="scopes"
          rows={4}
          spellCheck={false}
          defaultValue={values.scopes ?? 'offline_access\n'}
          error={errors.scopes}
          hint="One scope per line: a URI such as https://graph.microsoft.com/Mail.Send, or a bare scope such as offline_access. Client credentials take only a /.default scope."
        />
      )}
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4">
        <SubmitButton disabled={pending}>{service ? 'Save' : 'Save & Close'}</SubmitButton>
        <Link href={LIST} className="text-sm underline">
          {service ? 'Back to Services' : 'Cancel'}
        </Link>
      </div>
    </form>
  );
}
