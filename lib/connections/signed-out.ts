// What a connection holds of a sign-in, emptied: Disconnect, and a move to another service or tenant (tokens
// belong to one app registration), both leave a connection like this.
export const SIGNED_OUT = {
  state: 'not_authenticated',
  tokenCache: null,
  accountUsername: null,
  accountHomeId: null,
  grantedScopes: null,
  tokenExpiresAt: null,
  authenticatedAt: null,
  lastRefreshAt: null,
  lastError: null,
} as const;
