import { randomBytes, randomUUID } from 'node:crypto';

// Server-side state of the identity platform: authorization codes, refresh tokens, browser sessions,
// sign-ins in progress and the consents users gave. Codes and refresh tokens are opaque, as Entra's are.

export interface AuthorizationCodeRecord {
  tenantId: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  scope: string;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  issuedAt: number;
  redeemedAt?: number;
  sessionId: string;
}

export interface RefreshTokenRecord {
  tenantId: string;
  clientId: string;
  userId: string;
  issuedAt: number;
  /** When it was exchanged for a newer one (Entra keeps accepting it; strict rotation does not). */
  rotatedAt?: number;
  sessionId: string;
}

export interface SessionRecord {
  id: string;
  tenantId: string;
  userId: string;
  authTime: number;
}

function opaque(prefix: string, bytes: number): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

export class TokenStore {
  private readonly codes = new Map<string, AuthorizationCodeRecord>();
  private readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly consents = new Map<string, Set<string>>();
  /** Client assertion ids (jti) seen, until the assertion expires. */
  private readonly assertionIds = new Map<string, number>();

  /** False when this jti was already presented by the client and its assertion has not expired yet. */
  useAssertionId(clientId: string, jti: string, expiresAt: number, now = Date.now()): boolean {
    for (const [key, until] of this.assertionIds) if (until < now) this.assertionIds.delete(key);
    const key = `${clientId.toLowerCase()}|${jti}`;
    if (this.assertionIds.has(key)) return false;
    this.assertionIds.set(key, expiresAt);
    return true;
  }

  issueCode(record: Omit<AuthorizationCodeRecord, 'issuedAt'>): string {
    const code = opaque('0.AQ', 48);
    this.codes.set(code, { ...record, issuedAt: Date.now() });
    return code;
  }

  findCode(code: string): AuthorizationCodeRecord | undefined {
    return this.codes.get(code);
  }

  issueRefreshToken(record: Omit<RefreshTokenRecord, 'issuedAt'>): string {
    const token = opaque('1.AQ', 96);
    this.refreshTokens.set(token, { ...record, issuedAt: Date.now() });
    return token;
  }

  findRefreshToken(token: string): RefreshTokenRecord | undefined {
    return this.refreshTokens.get(token);
  }

  refreshTokensOf(userId: string): RefreshTokenRecord[] {
    return [...this.refreshTokens.values()].filter((record) => record.userId === userId);
  }

  startSession(tenantId: string, userId: string): SessionRecord {
    const session = { id: randomUUID(), tenantId, userId, authTime: Date.now() };
    this.sessions.set(session.id, session);
    return session;
  }

  findSession(id: string | undefined): SessionRecord | undefined {
    return id ? this.sessions.get(id) : undefined;
  }

  /** Signs the user out of every browser (the next /authorize asks for the password again). */
  endSessionsOf(userId: string): void {
    for (const [id, session] of this.sessions) if (session.userId === userId) this.sessions.delete(id);
  }

  private consentKey(tenantId: string, clientId: string, userId: string): string {
    return `${tenantId}|${clientId.toLowerCase()}|${userId}`;
  }

  /** Permission keys (`graph:Mail.Send`) this user consented to for this app. */
  consentedPermissions(tenantId: string, clientId: string, userId: string): Set<string> {
    return this.consents.get(this.consentKey(tenantId, clientId, userId)) ?? new Set();
  }

  grantConsent(tenantId: string, clientId: string, userId: string, permissionKeys: Iterable<string>): void {
    const key = this.consentKey(tenantId, clientId, userId);
    const granted = this.consents.get(key) ?? new Set<string>();
    for (const permission of permissionKeys) granted.add(permission);
    this.consents.set(key, granted);
  }

  revokeConsent(tenantId: string, clientId: string, userId: string): void {
    this.consents.delete(this.consentKey(tenantId, clientId, userId));
  }
}
