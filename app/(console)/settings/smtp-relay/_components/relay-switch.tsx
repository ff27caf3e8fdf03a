'use client';
// Client component: the on/off switch answers in place.
import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { IDLE } from '@/lib/actions/action-state';
import { setRelayEnabledAction } from '../actions';

export function RelaySwitch({ enabled }: { enabled: boolean }) {
  const [state, action] = useActionState(setRelayEnabledAction, IDLE);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="enabled" value={enabled ? 'off' : 'on'} />
      <SubmitButton variant={enabled ? 'secondary' : 'primary'}>
        {enabled ? 'Turn relaying off' : 'Turn relaying on'}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
