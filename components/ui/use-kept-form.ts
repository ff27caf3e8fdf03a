'use client';
// A form action that leaves the form as the person left it. React resets a `<form action>` after every submission,
// which clears what was typed and puts controlled selects back on their first option while their state says
// otherwise; forms with selects that drive other fields (Cloud, Service, Tenant) submit through this instead.
import { startTransition, useActionState } from 'react';
import { type ActionState, IDLE } from '@/lib/actions/action-state';

export function useKeptForm(action: (previous: ActionState, formData: FormData) => Promise<ActionState>) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  }
  return { state, onSubmit, pending };
}
