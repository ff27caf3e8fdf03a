'use client';
// Client component: checks the Scope list with the server's rules before sending, and shows the result in place.
import { useActionState, useId } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { TextareaField } from '@/components/ui/textarea-field';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { validateOnClient } from '@/components/ui/validate-on-client';
import { type ActionState, IDLE } from '@/lib/actions/action-state';
import { scopeLines, scopesProblemFor, splitScopeLines } from '@/lib/services/scope-lines';
import { resetScopesAction, updateScopesAction } from '../actions';

export interface CapabilityView {
  id: string;
  name: string;
  scopes: string;
  defaultScopes: string | null;
  optional: boolean;
}

export function ScopesForm({ capability, authType }: { capability: CapabilityView; authType: string }) {
  const titleId = useId();
  const {
    state,
    onSubmit: save,
    pending,
  } = useKeptForm(async (previous: ActionState, formData: FormData): Promise<ActionState> => {
    const invalid = await validateOnClient(
      () => import('@/lib/services/schemas').then((m) => m.updateScopesSchema),
      formData,
    );
    if (invalid) return invalid;
    const problem = scopesProblemFor(authType, splitScopeLines(String(formData.get('scopes') ?? '')));
    if (problem)
      return {
        status: 'error',
        message: 'Check the highlighted fields.',
        fieldErrors: { scopes: problem },
        values: { scopes: String(formData.get('scopes') ?? '') },
      };
    return updateScopesAction(previous, formData);
  });
  const [resetState, reset] = useActionState(resetScopesAction, IDLE);
  const edited = capability.defaultScopes !== null && capability.defaultScopes !== capability.scopes;
  const text =
    state.status === 'error' && state.values?.scopes !== undefined
      ? state.values.scopes
      : scopeLines(capability.scopes);
  return (
    <section aria-labelledby={titleId} className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id={titleId} className="mb-1 text-lg font-semibold">
        {capability.name}
        {capability.optional ? (
          <span className="ml-2 align-middle text-xs font-normal text-slate-500">(optional)</span>
        ) : null}
      </h2>
      {capability.defaultScopes !== null ? (
        <p className="mb-3 text-xs text-slate-500">
          Default: <code>{capability.defaultScopes}</code>
          {edited ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-amber-900">edited</span> : null}
        </p>
      ) : null}
      <form onSubmit={save} noValidate className="space-y-3">
        <FormMessage state={state} />
        <input type="hidden" name="capabilityId" value={capability.id} />
        <TextareaField
          // A new stored list (saved, reset) replaces whatever the box held.
          key={capability.scopes}
          label="Scope"
          name="scopes"
          rows={Math.max(3, text.split('\n').length + 1)}
          defaultValue={text}
          spellCheck={false}
          error={state.fieldErrors?.scopes}
          hint="One scope per line: a URI such as https://graph.microsoft.com/Mail.Send, or a bare scope such as offline_access."
        />
        <SubmitButton disabled={pending}>Save scopes</SubmitButton>
      </form>
      {capability.defaultScopes !== null ? (
        <form action={reset} className="mt-3 flex flex-wrap items-center gap-3">
          <input type="hidden" name="capabilityId" value={capability.id} />
          <SubmitButton variant="secondary" disabled={!edited}>
            Reset to default
          </SubmitButton>
          <FormMessage state={resetState} />
        </form>
      ) : null}
    </section>
  );
}
