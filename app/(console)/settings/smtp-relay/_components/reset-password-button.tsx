'use client';
// Client component: the new password appears in place, once.
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { IDLE } from '@/lib/actions/action-state';
import { resetRelayClientPasswordAction } from '../actions';
import { GeneratedPassword } from './generated-password';

export function ResetPasswordButton({ id }: { id: string }) {
  const [state, action] = useActionState(resetRelayClientPasswordAction, IDLE);
  const password = state.status === 'success' ? state.values?.generatedPassword : undefined;
  return (
    <div className="space-y-3">
      <form action={action}>
        <input type="hidden" name="id" value={id} />
        <SubmitButton variant="secondary">New password</SubmitButton>
      </form>
      <FormMessage state={state} />
      {password ? <GeneratedPassword username={state.values?.username ?? ''} password={password} /> : null}
    </div>
  );
}
