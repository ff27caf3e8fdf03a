import type { ConnectionAuthStatus } from '@/lib/connections/get-connection-auth-status';
import { connectionStateLabel } from '@/lib/connections/connection-states';

/** The sign-in as the form shows it: who, what Microsoft granted, when; what is missing or broken. */
export function AuthStatusView({ status }: { status: ConnectionAuthStatus | null }) {
  if (!status || status.state === 'not_authenticated') {
    return (
      <p className="text-sm text-slate-700" data-testid="auth-status">
        Not authenticated. Setup Authentication signs in the mailbox account.
      </p>
    );
  }
  return (
    <div className="space-y-1 text-sm" data-testid="auth-status">
      <p className={status.state === 'authenticated' ? 'font-medium text-green-800' : 'font-medium text-red-800'}>
        {connectionStateLabel(status.state, status.accountUsername)}
        {status.authenticatedAt ? (
          <span className="font-normal text-slate-600">
            {' '}
            · signed in {status.authenticatedAt.slice(0, 16).replace('T', ' ')} UTC
          </span>
        ) : null}
      </p>
      {status.grantedScopes.length ? (
        <p className="text-slate-700">
          Granted: <span className="font-mono text-xs">{status.grantedScopes.join(' ')}</span>
        </p>
      ) : null}
      {status.missingScopes.length ? (
        <p className="text-amber-900">
          Not granted: <span className="font-mono text-xs">{status.missingScopes.join(' ')}</span> — grant these
          permissions (and admin consent if required) in Azure, then sign in again.
        </p>
      ) : null}
      {status.lastError && status.state !== 'authenticated' ? <p className="text-red-800">{status.lastError}</p> : null}
    </div>
  );
}
