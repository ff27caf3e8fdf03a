import { timingSafeEqual } from 'node:crypto';
import type { AppRecord } from '../store/directory';
import { entraErrors, type EntraError } from './entra-error';

// Client credentials at the token endpoint: a client assertion, or a client secret in the body (client_secret_post, what MSAL sends) or in an
// Authorization: Basic header (client_secret_basic).

export interface ClientCredentials {
  clientId?: string;
  clientSecret?: string;
  /** private_key_jwt: a JWT signed with the app's certificate (checked in check-client-assertion.ts). */
  clientAssertion?: string;
  clientAssertionType?: string;
}

export function readClientCredentials(form: URLSearchParams, authorization: string | undefined): ClientCredentials {
  if (authorization?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      return {
        clientId: decodeURIComponent(decoded.slice(0, colon)),
        clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
      };
    }
  }
  return {
    clientId: form.get('client_id') ?? undefined,
    clientSecret: form.get('client_secret') ?? undefined,
    clientAssertion: form.get('client_assertion') ?? undefined,
    clientAssertionType: form.get('client_assertion_type') ?? undefined,
  };
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Undefined when the secret is one of the app's current secrets; the Entra error otherwise. */
export function checkClientSecret(app: AppRecord, secret: string | undefined): EntraError | undefined {
  if (!secret) return entraErrors.missingClientCredential();
  const match = app.secrets.find((s) => sameSecret(s.value, secret));
  if (!match) return entraErrors.invalidClientSecret(app.clientId);
  if (Date.parse(match.expiresAt) <= Date.now()) return entraErrors.expiredClientSecret(app.clientId);
  return undefined;
}
