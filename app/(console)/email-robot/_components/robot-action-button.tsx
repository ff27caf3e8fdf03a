'use client';
// Client component: runs Poll now or Test in place and shows the answer beside the button (Graph's own words, what
// they mean and the fix, for a failed Test).
import { useActionState } from 'react';
import { SubmitButton } from '@/components/ui/submit-button';
import { type ActionState, IDLE } from '@/lib/actions/action-state';

export function RobotActionButton({
  action,
  id,
  label,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  id: string;
  label: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const details = state.status === 'error' ? state.values : undefined;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary">{label}</SubmitButton>
      {state.message ? (
        <div
          role={state.status === 'error' ? 'alert' : 'status'}
          aria-label={`${label} result`}
          className={`rounded-md px-3 py-2 text-sm ${state.status === 'error' ? 'bg-red-50 text-red-900' : 'bg-green-50 text-green-900'}`}
        >
          <p>{state.message}</p>
          {details?.graphAnswer ? (
            <dl className="mt-2 grid gap-x-3 gap-y-1 sm:grid-cols-[max-content_1fr]">
              <dt className="font-medium">Microsoft Graph answered</dt>
              <dd className="font-mono text-xs">{details.graphAnswer}</dd>
              <dt className="font-medium">What it means</dt>
              <dd>{details.meaning}</dd>
              <dt className="font-medium">Fix</dt>
              <dd>{details.fix}</dd>
              {details.tokenFinding ? (
                <>
                  <dt className="font-medium">The token</dt>
                  <dd className="whitespace-pre-line break-all">{details.tokenFacts}</dd>
                  <dt className="font-medium">What the token lacks</dt>
                  <dd>{details.tokenFinding}</dd>
                  <dt className="font-medium">Adds it</dt>
                  <dd>{details.tokenFix}</dd>
                  {details.tokenCheck ? (
                    <>
                      <dt className="font-medium">Check Exchange</dt>
                      <dd className="font-mono text-xs">{details.tokenCheck}</dd>
                    </>
                  ) : null}
                </>
              ) : null}
            </dl>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
