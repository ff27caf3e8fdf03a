'use client';
// Client component: shows the answer (or the refusal) beside the button without leaving the page.
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { IDLE } from '@/lib/actions/action-state';
import { resendMessageAction } from '../actions';

export function ResendButton({ id, label, disabled = false }: { id: string; label: string; disabled?: boolean }) {
  const [state, action] = useActionState(resendMessageAction, IDLE);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" disabled={disabled}>
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
