import 'server-only';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { certificateMaterial, type CertificateMaterial } from './certificate-material';

// A self-signed certificate for an app registration: Entra only compares the uploaded public key, so no CA is
// involved. Node's crypto makes the RSA key (forge's JavaScript generation takes seconds); node-forge builds and
// signs the certificate (SHA-256), which Node's crypto cannot do.

export function generateCertificate(
  commonName: string,
  validityDays: number,
  bits = 2048,
  usage: 'clientAuth' | 'serverAuth' = 'clientAuth',
): CertificateMaterial {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey;
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // A positive serial in its shortest DER form (OpenSSL 3 refuses a leading zero byte).
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 1) & 0x7f) | 0x01;
  certificate.serialNumber = serial.toString('hex');
  // Backdated a little, so a server whose clock runs behind accepts it at once.
  const notBefore = new Date(Date.now() - 5 * 60_000);
  certificate.validity.notBefore = notBefore;
  certificate.validity.notAfter = new Date(notBefore.getTime() + validityDays * 86_400_000);
  const name = [{ name: 'commonName', value: commonName.slice(0, 64) }];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    // A TLS server (the SMTP relay's STARTTLS) also names itself and may use its key for RSA key exchange.
    { name: 'keyUsage', critical: true, digitalSignature: true, keyEncipherment: usage === 'serverAuth' },
    { name: 'extKeyUsage', [usage]: true },
    ...(usage === 'serverAuth' ? [{ name: 'subjectAltName', altNames: [{ type: 2, value: commonName }] }] : []),
  ]);
  certificate.sign(key, forge.md.sha256.create());
  const material = certificateMaterial(forge.pki.certificateToPem(certificate), privateKeyPem);
  if (!material.ok) throw new Error(`generated certificate refused: ${material.message}`);
  return material;
}
