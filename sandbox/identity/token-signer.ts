import {
  X509Certificate,
  createHash,
  createPrivateKey,
  createPublicKey,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import type { KeyAndCertificate } from '../tls/issue-certificate';

// RS256 JSON Web Tokens with Node's crypto, and the JSON Web Key Set that publishes the verification key.

export type JwtClaims = Record<string, unknown>;

export type VerifiedJwt = { ok: true; claims: JwtClaims } | { ok: false; reason: 'malformed' | 'signature' };

export interface JsonWebKey {
  kty: 'RSA';
  use: 'sig';
  kid: string;
  x5t: string;
  n: string;
  e: string;
  x5c: string[];
  issuer?: string;
}

function encodePart(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export class TokenSigner {
  readonly kid: string;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private readonly certificateDer: Buffer;

  constructor(signing: KeyAndCertificate) {
    this.privateKey = createPrivateKey(signing.keyPem);
    this.publicKey = createPublicKey(this.privateKey);
    this.certificateDer = new X509Certificate(signing.certPem).raw;
    // Entra's key id is the certificate's SHA-1 thumbprint, base64url: the same value as x5t.
    this.kid = createHash('sha1').update(this.certificateDer).digest('base64url');
  }

  sign(claims: JwtClaims): string {
    const header = { typ: 'JWT', alg: 'RS256', x5t: this.kid, kid: this.kid };
    const input = `${encodePart(header)}.${encodePart(claims)}`;
    return `${input}.${sign('sha256', Buffer.from(input), this.privateKey).toString('base64url')}`;
  }

  verify(token: string): VerifiedJwt {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'malformed' };
    const [header, payload, signature] = parts as [string, string, string];
    let claims: JwtClaims;
    try {
      const decodedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: string };
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as JwtClaims;
      if (decodedHeader.alg !== 'RS256' || typeof claims !== 'object' || claims === null)
        return { ok: false, reason: 'malformed' };
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const valid = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      this.publicKey,
      Buffer.from(signature, 'base64url'),
    );
    return valid ? { ok: true, claims } : { ok: false, reason: 'signature' };
  }

  jwk(issuer?: string): JsonWebKey {
    const { n, e } = this.publicKey.export({ format: 'jwk' });
    const key: JsonWebKey = {
      kty: 'RSA',
      use: 'sig',
      kid: this.kid,
      x5t: this.kid,
      n: n ?? '',
      e: e ?? '',
      x5c: [this.certificateDer.toString('base64')],
    };
    if (issuer) key.issuer = issuer;
    return key;
  }
}

/** Reads a JWT's claims without checking anything (for tests and diagnostics). */
export function decodeJwtClaims(token: string): JwtClaims {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as JwtClaims;
}
