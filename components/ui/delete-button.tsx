'use client';
// Client component: asks for confirmation in place, then shows a refusal (e.g. "used by …") next to the button.
import { useActionState, useState } from 'react';
import type { ActionState } from '@/lib/actions/action-state';
import { IDLE } from '@/lib/actions/action-state';
import { SubmitButton } from './submit-button';

export interface DeleteButtonProps {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  id: string;
  /** The button, e.g. "Delete tenant". */
  label: string;
  /** The question, e.g. "Delete the tenant “Contoso”? This cannot be undone." */
  question: string;
}

export function DeleteButton({ action, id, label, question }: DeleteButtonProps) {
  const [state, formAction] = useActionState(action, IDLE);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="space-y-2">
      {confirming ? (
        <form
          action={formAction}
          className="flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 p-3"
        >
          <input type="hidden" name="id" value={id} />
          <p className="text-sm text-red-900">{question}</p>
          <SubmitButton variant="danger">{label}</SubmitButton>
          <button type="button" className="text-sm underline" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className="rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50"
        >
          {label}
        </button>
      )}
      {state.status === 'error' && state.message ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
