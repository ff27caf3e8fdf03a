import 'server-only';
import { createHash, createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';

// A tenant certificate as Switchboard stores it, checked once whichever way it arrived (generated, PEM, PFX): an RSA
// key of 2048 bits or more (what Entra accepts for client assertions), the key belonging to the certificate, and
// the SHA-256 thumbprint and expiry read from the certificate itself.

export const MIN_RSA_BITS = 2048;

export interface CertificateMaterial {
  certificatePem: string;
  /** PKCS#8 PEM, to be encrypted before it is stored. */
  privateKeyPem: string;
  /** SHA-256 of the DER, upper-case hex (the Azure portal shows the SHA-1; MSAL signs with this one). */
  thumbprintSha256: string;
  expiresAt: Date;
  subject: string;
}

export type CertificateMaterialResult = ({ ok: true } & CertificateMaterial) | { ok: false; message: string };

export function certificateMaterial(certificatePem: string, privateKeyPem: string): CertificateMaterialResult {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    return { ok: false, message: 'The certificate could not be read: expected a PEM "BEGIN CERTIFICATE" block.' };
  }
  let key;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    return {
      ok: false,
      message: 'The private key could not be read: expected an unencrypted PEM private key (PKCS#8 or PKCS#1).',
    };
  }
  if (key.asymmetricKeyType !== 'rsa') return { ok: false, message: 'The key must be an RSA key.' };
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) return { ok: false, message: `The RSA key has ${bits} bits; use ${MIN_RSA_BITS} or more.` };
  if (!certificate.checkPrivateKey(key)) {
    return { ok: false, message: 'The private key does not belong to the certificate.' };
  }
  const publicDer = createPublicKey(key).export({ type: 'spki', format: 'der' });
  if (!certificate.publicKey.export({ type: 'spki', format: 'der' }).equals(publicDer)) {
    return { ok: false, message: 'The private key does not belong to the certificate.' };
  }
  const expiresAt = new Date(certificate.validTo);
  if (expiresAt.getTime() <= Date.now()) {
    return { ok: false, message: `The certificate expired on ${expiresAt.toISOString().slice(0, 10)}.` };
  }
  return {
    ok: true,
    certificatePem: certificate.toString(),
    privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    thumbprintSha256: createHash('sha256').update(certificate.raw).digest('hex').toUpperCase(),
    expiresAt,
    subject: certificate.subject.replaceAll('\n', ', '),
  };
}
