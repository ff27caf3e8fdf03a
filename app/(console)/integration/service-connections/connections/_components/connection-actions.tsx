'use client';
// Client component: each action answers in place (test result, the sign-in link shown once) without a reload.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import type { InspectedToken } from '@/lib/composition/inspect-connection-token';
import {
  createSignInLinkAction,
  disconnectConnectionAction,
  revokeSignInLinksAction,
  testConnectionAction,
} from '../auth-actions';

type Outcome = { ok: boolean; title: string; lines: string[]; tokens?: InspectedToken[] } | null;

const buttonClass =
  'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100 disabled:opacity-60';

export function ConnectionActions({
  connectionId,
  delegated,
  openLinks,
}: {
  connectionId: string;
  delegated: boolean;
  openLinks: number;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);

  async function run(name: string, work: () => Promise<void>) {
    setBusy(name);
    setOutcome(null);
    try {
      await work();
    } finally {
      setBusy(null);
      router.refresh();
    }
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass}
          disabled={busy !== null}
          onClick={() =>
            run('test', async () => {
              const result = await testConnectionAction(connectionId);
              setOutcome({ ok: result.ok, title: result.summary, lines: result.details, tokens: result.tokens });
            })
          }
        >
          {busy === 'test' ? 'Testing…' : 'Test'}
        </button>
        {delegated ? (
          <>
            <button
              type="button"
              className={buttonClass}
              disabled={busy !== null}
              onClick={() =>
                run('link', async () => {
                  const result = await createSignInLinkAction(connectionId);
                  if (result.ok) setLink(result);
                  else setOutcome({ ok: false, title: result.message, lines: [] });
                })
              }
            >
              Send sign-in link
            </button>
            {openLinks > 0 ? (
              <button
                type="button"
                className={buttonClass}
                disabled={busy !== null}
                onClick={() =>
                  run('revoke', async () => {
                    const result = await revokeSignInLinksAction(connectionId);
                    setLink(null);
                    setOutcome({ ok: result.ok, title: result.message, lines: [] });
                  })
                }
              >
                Withdraw sign-in links ({openLinks})
              </button>
            ) : null}
            <button
              type="button"
              className={buttonClass}
              disabled={busy !== null}
              onClick={() => {
                if (
                  !window.confirm(
                    'Disconnect? The stored sign-in is deleted; mail using this connection waits until someone signs in again.',
                  )
                )
                  return;
                void run('disconnect', async () => {
                  const result = await disconnectConnectionAction(connectionId);
                  setOutcome({ ok: result.ok, title: result.message, lines: [] });
                });
              }}
            >
              Disconnect
            </button>
          </>
        ) : null}
      </div>
      {outcome ? (
        <div
          role={outcome.ok ? 'status' : 'alert'}
          className={`rounded-md p-3 text-sm ${outcome.ok ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}
        >
          <p className="font-medium">{outcome.title}</p>
          {outcome.lines.map((line) => (
            <p key={line} className="mt-1">
              {line}
            </p>
          ))}
          {outcome.tokens?.map((token) => (
            <TokenReport key={token.label} token={token} />
          ))}
        </div>
      ) : null}
      {link ? (
        <div className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
          <p className="font-medium">
            Sign-in link (shown once; works once; expires {link.expiresAt.slice(0, 16).replace('T', ' ')} UTC)
          </p>
          <p className="mt-1 text-slate-600">
            Send it to the mailbox user. They sign in to Microsoft with the mailbox account; they do not get access to
            this console.
          </p>
          <div className="mt-2 flex items-center gap-2">
            <code className="block min-w-0 flex-1 break-all rounded bg-white px-2 py-1" data-testid="sign-in-link">
              {link.url}
            </code>
            <CopyButton value={link.url} />
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** What the token inspector read from a token (never the token) and what its paths miss, with the fix. */
function TokenReport({ token }: { token: InspectedToken }) {
  return (
    <div className="mt-3 border-t border-current/20 pt-2" data-testid="token-report">
      <p className="font-medium">{token.label}</p>
      {token.facts.map((fact) => (
        <p key={fact} className="mt-1 break-all text-slate-700">
          {fact}
        </p>
      ))}
      {token.findings.map((finding) => (
        <div
          key={finding.message}
          className={`mt-2 rounded p-2 ${finding.severity === 'problem' ? 'bg-red-100 text-red-900' : 'bg-amber-50 text-amber-900'}`}
        >
          <p>
            {finding.severity === 'problem' ? 'Missing: ' : 'Check: '}
            {finding.message}
          </p>
          <p className="mt-1">Fix: {finding.fix}</p>
          {finding.check ? (
            <p className="mt-1">
              To see what Exchange grants: <code className="break-all">{finding.check}</code>
            </p>
          ) : null}
        </div>
      ))}
    </div>
  );
}
