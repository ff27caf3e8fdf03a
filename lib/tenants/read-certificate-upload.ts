import 'server-only';
import forge from 'node-forge';
import { certificateMaterial, type CertificateMaterialResult } from './certificate-material';

// An existing certificate uploaded to a tenant: PEM text holding the certificate and its private key, or a PFX
// (PKCS#12) with its password. node-forge reads PKCS#12, which Node's crypto cannot.

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
const PEM_KEY = /-----BEGIN (?:RSA |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |ENCRYPTED )?PRIVATE KEY-----/;

export type CertificateUpload = { kind: 'pem'; text: string } | { kind: 'pfx'; bytes: Buffer; password: string };

function fromPem(text: string): CertificateMaterialResult {
  const certificate = PEM_CERTIFICATE.exec(text)?.[0];
  const key = PEM_KEY.exec(text)?.[0];
  if (!certificate) return { ok: false, message: 'No "BEGIN CERTIFICATE" block was found in the PEM.' };
  if (!key)
    return { ok: false, message: 'No "BEGIN PRIVATE KEY" block was found: the PEM must hold the private key too.' };
  if (key.includes('ENCRYPTED')) {
    return { ok: false, message: 'The private key is encrypted: upload it as a PFX with its password instead.' };
  }
  return certificateMaterial(certificate, key);
}

function fromPfx(bytes: Buffer, password: string): CertificateMaterialResult {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary'))), password);
  } catch {
    return { ok: false, message: 'The PFX could not be opened: the password is wrong or the file is not a PFX.' };
  }
  const bagsOf = (type: string): forge.pkcs12.Bag[] => p12.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bagsOf(forge.pki.oids.pkcs8ShroudedKeyBag ?? ''), ...bagsOf(forge.pki.oids.keyBag ?? '')];
  const certBags = bagsOf(forge.pki.oids.certBag ?? '');
  const key = keyBags.find((bag) => bag.key)?.key;
  if (!key) return { ok: false, message: 'The PFX holds no private key.' };
  const keyPem = forge.pki.privateKeyToPem(key);
  // The PFX may carry a chain: the certificate is the one the key belongs to.
  const results = certBags.flatMap((bag) =>
    bag.cert ? [certificateMaterial(forge.pki.certificateToPem(bag.cert), keyPem)] : [],
  );
  return (
    results.find((r: CertificateMaterialResult) => r.ok) ??
    results[0] ?? { ok: false, message: 'The PFX holds no certificate.' }
  );
}

export function readCertificateUpload(upload: CertificateUpload): CertificateMaterialResult {
  return upload.kind === 'pem' ? fromPem(upload.text) : fromPfx(upload.bytes, upload.password);
}
