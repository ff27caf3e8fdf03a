import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  issueCertificateAuthority,
  issueLeafCertificate,
  isUsableCertificate,
  type KeyAndCertificate,
} from './issue-certificate';

export interface SandboxCertificates {
  /** Absolute path of the CA certificate (PEM): what NODE_EXTRA_CA_CERTS should name. */
  caFile: string;
  caPem: string;
  /** TLS certificate and key for 127.0.0.1 / localhost (HTTPS and SMTP STARTTLS). */
  server: KeyAndCertificate;
  /** The key that signs tokens, with its certificate (published as x5c in the JWKS). */
  signing: KeyAndCertificate;
}

const FILES = {
  caCert: 'ca.pem',
  caKey: 'ca-key.pem',
  serverCert: 'server.pem',
  serverKey: 'server-key.pem',
  signingCert: 'token-signing.pem',
  signingKey: 'token-signing-key.pem',
};

/**
 * Creates the CA, the loopback server certificate and the token-signing key once in `dataDir`, and reuses
 * them afterwards, so a browser or a Node process that trusts the CA keeps trusting the sandbox across restarts.
 */
export function ensureCertificates(dataDir: string): SandboxCertificates {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = (name: string) => path.join(dir, name);

  let ca = readPair(file(FILES.caKey), file(FILES.caCert));
  if (!ca || !isUsableCertificate(ca.certPem, ca.certPem, 30)) {
    ca = issueCertificateAuthority();
    writePair(file(FILES.caKey), file(FILES.caCert), ca);
  }
  const server = ensureLeaf(ca, file(FILES.serverKey), file(FILES.serverCert), '127.0.0.1', true);
  const signing = ensureLeaf(
    ca,
    file(FILES.signingKey),
    file(FILES.signingCert),
    'Switchboard Sandbox token signing',
    false,
  );
  return { caFile: file(FILES.caCert), caPem: ca.certPem, server, signing };
}

function ensureLeaf(
  ca: KeyAndCertificate,
  keyFile: string,
  certFile: string,
  name: string,
  serverAuth: boolean,
): KeyAndCertificate {
  const existing = readPair(keyFile, certFile);
  if (existing && isUsableCertificate(existing.certPem, ca.certPem, 7)) return existing;
  const fresh = issueLeafCertificate(ca, name, serverAuth);
  writePair(keyFile, certFile, fresh);
  return fresh;
}

function readPair(keyFile: string, certFile: string): KeyAndCertificate | undefined {
  if (!existsSync(keyFile) || !existsSync(certFile)) return undefined;
  return { keyPem: readFileSync(keyFile, 'utf8'), certPem: readFileSync(certFile, 'utf8') };
}

function writePair(keyFile: string, certFile: string, pair: KeyAndCertificate): void {
  writeAtomically(keyFile, pair.keyPem, 0o600);
  writeAtomically(certFile, pair.certPem, 0o644);
}

// Write then rename, so a process starting at the same moment never reads half a file.
function writeAtomically(target: string, content: string, mode: number): void {
  const temporary = `${target}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode });
  renameSync(temporary, target);
}
