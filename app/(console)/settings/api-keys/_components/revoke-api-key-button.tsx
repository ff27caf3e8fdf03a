'use client';
// Client component: asks once before revoking, since programs using the key stop at once.
import { useActionState, useState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { IDLE } from '@/lib/actions/action-state';
import { revokeApiKeyAction } from '../actions';

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const [state, action] = useActionState(revokeApiKeyAction, IDLE);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className="text-sm text-red-800 underline" onClick={() => setConfirming(true)}>
        Revoke
      </button>
    );
  }
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="danger" aria-label={`Revoke ${name}`}>
        Revoke now
      </SubmitButton>
      <button type="button" className="text-sm underline" onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {state.status === 'error' ? <span className="text-sm text-red-800">{state.message}</span> : null}
    </form>
  );
}
