// A connection's state and the badge it shows. Universal. Setup Authentication (delegated) or a token request
// (client credentials) moves connections between these states.

export const CONNECTION_STATES = ['not_authenticated', 'authenticated', 'needs_reauth', 'error'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

const LABELS: Record<ConnectionState, string> = {
  not_authenticated: 'Not authenticated',
  authenticated: 'Authenticated',
  needs_reauth: 'Needs re-authentication',
  error: 'Error',
};

/** For a client-credentials connection: when its last application token was handed out (nobody signs in). */
export interface ApplicationFacts {
  verifiedAt: Date | string | null;
}

function timeOf(value: Date | string, now: Date): string {
  const iso = new Date(value).toISOString();
  const sameDay = iso.slice(0, 10) === now.toISOString().slice(0, 10);
  return `${sameDay ? '' : `${iso.slice(0, 10)} `}${iso.slice(11, 16)} UTC`;
}

export function connectionStateLabel(
  state: string,
  accountUsername?: string | null,
  application?: ApplicationFacts,
  now: Date = new Date(),
): string {
  if (application) {
    // No one signs in to a client-credentials connection: what is true is whether Microsoft handed out a token.
    if (state === 'authenticated')
      return application.verifiedAt
        ? `Application · token verified ${timeOf(application.verifiedAt, now)}`
        : 'Application · token verified';
    if (state === 'not_authenticated') return 'Not verified yet';
  }
  if (state === 'authenticated' && accountUsername) return `Authenticated as ${accountUsername}`;
  return (LABELS as Record<string, string>)[state] ?? state;
}
