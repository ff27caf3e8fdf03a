'use client';
// Client component: keeps field errors beside their fields without a reload.
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextField } from '@/components/ui/text-field';
import { IDLE } from '@/lib/actions/action-state';
import { addAdministratorAction } from '../actions';

export function AddAdministratorForm() {
  const [state, action] = useActionState(addAdministratorAction, IDLE);
  const errors = state.fieldErrors ?? {};
  const values = state.status === 'success' ? {} : (state.values ?? {});
  return (
    <form
      action={action}
      className="grid gap-4 sm:grid-cols-3"
      noValidate
      key={state.status === 'success' ? state.message : 'form'}
    >
      <div className="sm:col-span-3">
        <FormMessage state={state} />
      </div>
      <TextField label="Name" name="name" required defaultValue={values.name} error={errors.name} />
      <TextField label="Email" name="email" type="email" required defaultValue={values.email} error={errors.email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters; share it with them privately."
        error={errors.password}
      />
      <div>
        <SubmitButton>Add administrator</SubmitButton>
      </div>
    </form>
  );
}
