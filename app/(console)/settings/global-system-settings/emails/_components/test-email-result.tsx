import Link from 'next/link';
import type { ActionState } from '@/lib/actions/action-state';

/** What the server answered to the test email, and what it means. */
export function TestEmailResult({ state }: { state: ActionState }) {
  const values = state.values ?? {};
  if (!values.messageId) return null;
  const sent = values.state === 'sent';
  return (
    <section
      aria-label="Test email result"
      className={`space-y-2 rounded-md border p-4 text-sm ${sent ? 'border-green-300 bg-green-50' : 'border-red-300 bg-red-50'}`}
    >
      <p role={sent ? 'status' : 'alert'} className="font-medium">
        {state.message}
      </p>
      {values.answer ? (
        <div>
          <p className="text-xs font-semibold uppercase text-slate-600">The server answered</p>
          <p className="break-words font-mono text-xs">{values.answer}</p>
        </div>
      ) : null}
      {values.title ? (
        <div>
          <p className="font-semibold">{values.title}</p>
          <p>{values.meaning}</p>
          <p className="mt-1">
            <span className="font-semibold">Fix: </span>
            {values.fix}
          </p>
        </div>
      ) : null}
      {values.tokenFinding ? (
        <div>
          <p className="text-xs font-semibold uppercase text-slate-600">The connection&apos;s token</p>
          <p className="whitespace-pre-line break-all text-xs">{values.tokenFacts}</p>
          <p className="mt-1">{values.tokenFinding}</p>
          <p className="mt-1">
            <span className="font-semibold">Fix: </span>
            {values.tokenFix}
          </p>
          {values.tokenCheck ? (
            <p className="mt-1">
              <span className="font-semibold">Check Exchange: </span>
              <code className="break-all text-xs">{values.tokenCheck}</code>
            </p>
          ) : null}
        </div>
      ) : null}
      <p>
        <Link className="underline" href={`/outbox/${values.messageId}`}>
          See it in the Outbox
        </Link>
      </p>
    </section>
  );
}
