import type { AccessTokenFacts } from './inspect-access-token';

/**
 * What a token says, as lines a person reads on Test's result: never the token itself, only its claims about
 * audience, tenant, permissions, whose it is and until when. Universal and pure.
 */
export function describeTokenFacts(facts: AccessTokenFacts): string[] {
  const permissions =
    facts.kind === 'delegated'
      ? `delegated, scp: ${facts.scopes.join(' ') || 'none'}`
      : `application, roles: ${facts.roles.join(', ') || 'none'}`;
  const who = [
    facts.user ? `user ${facts.user}` : null,
    facts.appId ? `app ${facts.appId}` : null,
    facts.objectId ? `object id ${facts.objectId}` : null,
  ].filter(Boolean);
  return [
    `Token audience ${facts.audience ?? 'none'} · tenant ${facts.tenantId ?? 'unknown'} · ${permissions}`,
    [...who, facts.expiresAt ? `expires ${facts.expiresAt.toISOString().replace('T', ' ').slice(0, 16)} UTC` : null]
      .filter(Boolean)
      .join(' · '),
  ].filter(Boolean);
}
