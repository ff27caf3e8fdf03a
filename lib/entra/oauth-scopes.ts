// Scopes as Entra sees them. One access token is for one resource (audience), so scopes are grouped by resource:
// the sign-in asks for everything at once (one consent), tokens are then requested per resource.

export const SIGN_IN_SCOPES = ['openid', 'profile', 'offline_access'] as const;
const OIDC_SCOPES = new Set<string>(SIGN_IN_SCOPES);

export function splitScopes(text: string | null | undefined): string[] {
  return [...new Set((text ?? '').split(/\s+/).filter(Boolean))];
}

/**
 * What a connection asks for: the scopes of its service's capabilities that are not optional, plus those of the
 * optional capabilities turned on for the connection (`enabledOptional`: their keys), each once.
 */
export function serviceScopesOf(
  capabilities: { key?: string; scopes: string; optional: boolean }[],
  enabledOptional: readonly string[] = [],
): string[] {
  const asked = capabilities.filter((c) => !c.optional || (c.key !== undefined && enabledOptional.includes(c.key)));
  return [...new Set(asked.flatMap((c) => splitScopes(c.scopes)))];
}

/** "https://graph.microsoft.com/Mail.Send" → "https://graph.microsoft.com"; bare scopes like "offline_access" → null. */
export function resourceOf(scope: string): string | null {
  if (OIDC_SCOPES.has(scope)) return null;
  const match = /^(https?:\/\/[^/]+|api:\/\/[^/]+|[0-9a-f-]{36})\/.+$/i.exec(scope);
  return match?.[1]?.toLowerCase() ?? null;
}

export function resourcesOf(scopes: string[]): string[] {
  return [...new Set(scopes.map(resourceOf).filter((r): r is string => r !== null))];
}

/** The scopes of one resource, for a token request. */
export function scopesForResource(scopes: string[], resource: string): string[] {
  return scopes.filter((s) => resourceOf(s) === resource);
}

/** What the sign-in asks for: the service's scopes plus the OpenID ones, so the signed-in account can be shown. */
export function signInScopes(serviceScopes: string[]): string[] {
  return [...new Set([...SIGN_IN_SCOPES, ...serviceScopes])];
}

/** Requested resource scopes that Microsoft did not grant ("granted < requested"). */
export function missingScopes(requested: string[], granted: string[]): string[] {
  const have = new Set(granted.map((s) => s.toLowerCase()));
  return requested.filter((s) => !OIDC_SCOPES.has(s) && !have.has(s.toLowerCase()));
}
