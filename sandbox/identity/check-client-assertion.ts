import { constants, createHash, verify, X509Certificate } from 'node:crypto';
import type { AppRecord } from '../store/directory';
import { entraErrors, type EntraError } from './entra-error';

// private_key_jwt at the token endpoint, as Entra checks it: the header names the certificate by its SHA-256
// (x5t#S256) or SHA-1 (x5t) thumbprint, the signature (RS256 or PS256) must verify against that certificate as
// registered on the app, iss and sub are the client id, aud the token endpoint, exp/nbf bound the time (Entra
// allows some clock skew) and a jti is not accepted twice while its assertion lives.

export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Entra's tolerance for clocks that disagree, in seconds. */
const CLOCK_SKEW_SECONDS = 300;

export interface AssertionCheck {
  app: AppRecord;
  assertion: string;
  /** The client_id of the request, when it carried one. */
  clientId?: string;
  /** The token endpoint URLs this request may name as aud (the tenant by id and by domain). */
  audiences: string[];
  /** Records the jti; false when it was already used. */
  useJti: (jti: string, expiresAtMs: number) => boolean;
  now?: number;
}

interface Header {
  alg?: unknown;
  x5t?: unknown;
  'x5t#S256'?: unknown;
}

function decodePart(part: string | undefined): Record<string, unknown> | null {
  if (!part) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function thumbprint(certificate: X509Certificate, algorithm: 'sha1' | 'sha256'): Buffer {
  return createHash(algorithm).update(certificate.raw).digest();
}

function registeredCertificate(app: AppRecord, header: Header): X509Certificate | undefined {
  const wanted256 = typeof header['x5t#S256'] === 'string' ? Buffer.from(header['x5t#S256'], 'base64url') : null;
  const wanted1 = typeof header.x5t === 'string' ? Buffer.from(header.x5t, 'base64url') : null;
  for (const { pem } of app.certificates) {
    const certificate = new X509Certificate(pem);
    if (wanted256?.equals(thumbprint(certificate, 'sha256'))) return certificate;
    if (wanted1?.equals(thumbprint(certificate, 'sha1'))) return certificate;
  }
  return undefined;
}

function signatureValid(alg: string, signingInput: string, signature: string, certificate: X509Certificate): boolean {
  const data = Buffer.from(signingInput);
  const bytes = Buffer.from(signature, 'base64url');
  if (alg === 'RS256') return verify('sha256', data, certificate.publicKey, bytes);
  return verify(
    'sha256',
    data,
    {
      key: certificate.publicKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: constants.RSA_PSS_SALTLEN_AUTO,
    },
    bytes,
  );
}

/** Undefined when the assertion authenticates the app; Entra's error otherwise. */
export function checkClientAssertion(check: AssertionCheck): EntraError | undefined {
  const { app, assertion } = check;
  const now = check.now ?? Date.now();
  const [headerPart, payloadPart, signature, extra] = assertion.split('.');
  const header = decodePart(headerPart) as Header | null;
  const claims = decodePart(payloadPart);
  if (!header || !claims || !signature || extra !== undefined) {
    return entraErrors.assertionMalformed('The client assertion is not a signed JWT.');
  }
  if (header.alg !== 'RS256' && header.alg !== 'PS256') {
    return entraErrors.assertionMalformed(`Unsupported signing algorithm '${String(header.alg)}'; use RS256 or PS256.`);
  }
  if (typeof header.x5t !== 'string' && typeof header['x5t#S256'] !== 'string') {
    return entraErrors.assertionMalformed('No certificate thumbprint specified in token header.');
  }
  const certificate = registeredCertificate(app, header);
  if (!certificate) {
    const named =
      typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : typeof header.x5t === 'string' ? header.x5t : '';
    return entraErrors.certificateNotRegistered(
      app.clientId,
      Buffer.from(named, 'base64url').toString('hex').toUpperCase(),
    );
  }
  if (!signatureValid(header.alg, `${headerPart}.${payloadPart}`, signature, certificate)) {
    return entraErrors.assertionSignatureInvalid();
  }
  if (Date.parse(certificate.validTo) < now) return entraErrors.certificateExpired(app.clientId);
  const clientId = app.clientId.toLowerCase();
  const iss = typeof claims.iss === 'string' ? claims.iss.toLowerCase() : '';
  const sub = typeof claims.sub === 'string' ? claims.sub.toLowerCase() : '';
  if (iss !== clientId || sub !== clientId || (check.clientId && check.clientId.toLowerCase() !== clientId)) {
    return entraErrors.assertionClientMismatch();
  }
  const audiences = check.audiences.map((a) => a.toLowerCase());
  if (typeof claims.aud !== 'string' || !audiences.includes(claims.aud.toLowerCase())) {
    return entraErrors.assertionAudience();
  }
  if (typeof claims.exp !== 'number') return entraErrors.assertionMalformed("The client assertion has no 'exp' claim.");
  const expMs = claims.exp * 1000;
  const nbfMs = typeof claims.nbf === 'number' ? claims.nbf * 1000 : 0;
  if (now > expMs + CLOCK_SKEW_SECONDS * 1000 || nbfMs > now + CLOCK_SKEW_SECONDS * 1000) {
    return entraErrors.assertionOutsideTimeRange(now, nbfMs, expMs);
  }
  if (typeof claims.jti !== 'string' || !claims.jti) {
    return entraErrors.assertionMalformed("The client assertion has no 'jti' claim.");
  }
  if (!check.useJti(claims.jti, expMs + CLOCK_SKEW_SECONDS * 1000)) return entraErrors.assertionReplayed();
  return undefined;
}
