import { X509Certificate, generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

// node-forge builds and signs the certificates; Node's crypto makes the RSA keys, because forge's pure
// JavaScript key generation takes seconds.

export interface KeyAndCertificate {
  keyPem: string;
  certPem: string;
}

export function generateRsaKeyPem(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

function newCertificate(
  keyPem: string,
  commonName: string,
  days: number,
): { cert: forge.pki.Certificate; key: forge.pki.rsa.PrivateKey } {
  const key = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // DER wants a positive INTEGER in its shortest form: a first byte from 0x01 to 0x7f. (A leading zero byte is
  // "illegal padding" to OpenSSL 3, which then refuses the certificate.)
  const serial = randomBytes(16);
  serial[0] = ((serial[0] ?? 1) & 0x7f) | 0x01;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(Date.now() + days * 24 * 3600 * 1000);
  cert.setSubject([
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Switchboard Sandbox' },
  ]);
  return { cert, key };
}

export function issueCertificateAuthority(): KeyAndCertificate {
  const keyPem = generateRsaKeyPem();
  const { cert, key } = newCertificate(keyPem, 'Switchboard Sandbox Root CA', 3650);
  cert.setIssuer(cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { keyPem, certPem: forge.pki.certificateToPem(cert) };
}

/** A TLS server certificate for the loopback names, or (serverAuth false) the token-signing certificate. */
export function issueLeafCertificate(
  ca: KeyAndCertificate,
  commonName: string,
  serverAuth: boolean,
): KeyAndCertificate {
  const keyPem = generateRsaKeyPem();
  // Browsers refuse server certificates valid for more than 398 days.
  const { cert } = newCertificate(keyPem, commonName, serverAuth ? 397 : 3650);
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  cert.setIssuer(caCert.subject.attributes);
  const extensions: object[] = [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: serverAuth, critical: true },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ];
  if (serverAuth) {
    extensions.push({ name: 'extKeyUsage', serverAuth: true });
    extensions.push({
      name: 'subjectAltName',
      altNames: [
        { type: 7, ip: '127.0.0.1' },
        { type: 2, value: 'localhost' },
      ],
    });
  }
  cert.setExtensions(extensions);
  cert.sign(forge.pki.privateKeyFromPem(ca.keyPem), forge.md.sha256.create());
  return { keyPem, certPem: forge.pki.certificateToPem(cert) };
}

/** True when `certPem` was signed by `caPem`, stays valid for at least `marginDays`, and OpenSSL reads it. */
export function isUsableCertificate(certPem: string, caPem: string, marginDays: number): boolean {
  try {
    new X509Certificate(certPem);
    const cert = forge.pki.certificateFromPem(certPem);
    const ca = forge.pki.certificateFromPem(caPem);
    return ca.verify(cert) && cert.validity.notAfter.getTime() > Date.now() + marginDays * 24 * 3600 * 1000;
  } catch {
    return false;
  }
}
