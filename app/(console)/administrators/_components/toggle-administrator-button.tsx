'use client';
// Client component: reports a refusal (e.g. disabling yourself) next to the button.
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { IDLE } from '@/lib/actions/action-state';
import { toggleAdministratorAction } from '../actions';

export function ToggleAdministratorButton({ id, disabled, email }: { id: string; disabled: boolean; email: string }) {
  const [state, action] = useActionState(toggleAdministratorAction, IDLE);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="disable" value={disabled ? 'false' : 'true'} />
      <SubmitButton variant="secondary" aria-label={`${disabled ? 'Enable' : 'Disable'} ${email}`}>
        {disabled ? 'Enable' : 'Disable'}
      </SubmitButton>
      {state.status === 'error' ? (
        <span role="alert" className="text-sm text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
