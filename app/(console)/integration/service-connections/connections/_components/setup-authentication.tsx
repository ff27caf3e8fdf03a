'use client';
// Client component: opens Microsoft's sign-in in a popup and learns the outcome from the redirect page's message,
// so the form shows the signed-in account without a reload. Falls back to a full-page redirect when popups are
// blocked.
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { ConnectionAuthStatus } from '@/lib/connections/get-connection-auth-status';
import { getConnectionAuthStatusAction, type StartResult, startSetupAuthenticationAction } from '../auth-actions';
import { AuthStatusView } from './auth-status-view';

export interface SetupAuthenticationProps {
  /** The saved connection; for a new one, `ensureSaved` saves the form first and returns its id. */
  connectionId?: string;
  ensureSaved?: () => Promise<string | null>;
  initialStatus: ConnectionAuthStatus | null;
  redirectUri: string;
  isApplication: boolean;
}

type Problem = Extract<StartResult, { ok: false }> | { ok: false; message: string; closedWithoutAnswer: true };

export function SetupAuthentication({
  connectionId,
  ensureSaved,
  initialStatus,
  redirectUri,
  isApplication,
}: SetupAuthenticationProps) {
  const router = useRouter();
  const [status, setStatus] = useState(initialStatus);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const watcher = useRef<{ timer?: ReturnType<typeof setInterval>; listener?: (event: MessageEvent) => void }>({});

  useEffect(() => () => stopWatching(), []);
  // A server refresh brings a new status: adopt it (React's "adjust state when a prop changes" pattern).
  const [shown, setShown] = useState(initialStatus);
  if (shown !== initialStatus) {
    setShown(initialStatus);
    setStatus(initialStatus);
  }

  function stopWatching() {
    if (watcher.current.timer) clearInterval(watcher.current.timer);
    if (watcher.current.listener) window.removeEventListener('message', watcher.current.listener);
    watcher.current = {};
  }

  async function refresh(id: string) {
    setStatus(await getConnectionAuthStatusAction(id));
    router.refresh();
  }

  async function start() {
    setProblem(null);
    // Opened before any await: browsers only allow popups in direct answer to a click.
    const popup = window.open('', 'switchboard-sign-in', 'popup,width=520,height=720');
    setBusy(true);
    try {
      const id = connectionId ?? (await ensureSaved?.()) ?? null;
      if (!id) {
        popup?.close();
        return;
      }
      const result = await startSetupAuthenticationAction(id);
      if (!result.ok) {
        popup?.close();
        setProblem(result);
        return;
      }
      if (!popup) {
        window.location.assign(result.url);
        return;
      }
      popup.location.href = result.url;
      watch(popup, id);
    } finally {
      setBusy(false);
    }
  }

  function watch(popup: Window, id: string) {
    stopWatching();
    let answered = false;
    const listener = (event: MessageEvent) => {
      const data = event.data as { type?: string; connectionId?: string; ok?: boolean } | null;
      if (
        event.origin !== window.location.origin ||
        data?.type !== 'switchboard:setup-authentication' ||
        data.connectionId !== id
      )
        return;
      answered = true;
      if (!data.ok)
        setProblem({
          ok: false,
          message: 'Microsoft refused the sign-in: the sign-in window shows why and how to fix it.',
        });
      void refresh(id);
    };
    window.addEventListener('message', listener);
    const timer = setInterval(() => {
      if (!popup.closed) return;
      stopWatching();
      if (!answered) {
        setProblem({
          ok: false,
          closedWithoutAnswer: true,
          message: 'The sign-in window closed before Microsoft sent an answer back to Switchboard.',
        });
        void refresh(id);
      }
    }, 500);
    watcher.current = { timer, listener };
  }

  if (isApplication) {
    return (
      <p className="text-sm text-slate-600">
        This service uses client credentials (application permissions): no one signs in. Save, then use Test to check
        the app registration.
      </p>
    );
  }
  return (
    <div className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4">
      <AuthStatusView status={status} />
      <button
        type="button"
        onClick={() => void start()}
        disabled={busy}
        className="rounded-md border border-brand-600 bg-white px-4 py-2 text-sm font-medium text-brand-700 hover:bg-blue-50 disabled:opacity-60"
      >
        {status && status.state !== 'not_authenticated' ? 'Re-authenticate' : 'Setup Authentication'}
      </button>
      {problem ? (
        <div role="alert" data-testid="setup-problem" className="rounded-md bg-red-50 p-3 text-sm text-red-900">
          <p className="font-medium">
            {'code' in problem && problem.code && !problem.message.startsWith(problem.code) ? `${problem.code}: ` : ''}
            {problem.message}
          </p>
          {'meaning' in problem && problem.meaning ? <p className="mt-1">What it means: {problem.meaning}</p> : null}
          {'fix' in problem && problem.fix ? <p className="mt-1">How to fix it: {problem.fix}</p> : null}
          {'closedWithoutAnswer' in problem ? (
            <p className="mt-1">
              If Microsoft showed <strong>AADSTS50011</strong> (redirect URI mismatch), add this exact Redirect URI to
              the app registration (Authentication → Web): <code className="break-all">{redirectUri}</code>
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
