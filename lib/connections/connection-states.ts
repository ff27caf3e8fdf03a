// A connection's state and the badge it shows. Universal. The Setup Authentication issue moves connections between
// these states; until then every connection is "Not authenticated".

export const CONNECTION_STATES = ['not_authenticated', 'authenticated', 'needs_reauth', 'error'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

const LABELS: Record<ConnectionState, string> = {
  not_authenticated: 'Not authenticated',
  authenticated: 'Authenticated',
  needs_reauth: 'Needs re-authentication',
  error: 'Error',
};

export function connectionStateLabel(state: string, accountUsername?: string | null): string {
  if (state === 'authenticated' && accountUsername) return `Authenticated as ${accountUsername}`;
  return (LABELS as Record<string, string>)[state] ?? state;
}
