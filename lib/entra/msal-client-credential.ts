import 'server-only';

// A tenant authenticates its app registration with a client secret or with a certificate (private_key_jwt, which
// Microsoft recommends). This is the one place that turns either into MSAL's auth options, so code redemption,
// refresh and client credentials all sign the same way.

export type TenantCredential =
  | { kind: 'secret'; clientSecret: string }
  | {
      kind: 'certificate';
      /** SHA-256 of the certificate's DER, hex: MSAL signs PS256 assertions with `x5t#S256`. */
      thumbprintSha256: string;
      /** PKCS#8 PEM, decrypted only for this request. */
      privateKey: string;
      /** The public certificate (PEM), sent as `x5c`. */
      certificatePem: string;
    };

export function msalClientCredential(
  credential: TenantCredential,
): { clientSecret: string } | { clientCertificate: { thumbprintSha256: string; privateKey: string; x5c: string } } {
  if (credential.kind === 'secret') return { clientSecret: credential.clientSecret };
  return {
    clientCertificate: {
      thumbprintSha256: credential.thumbprintSha256,
      privateKey: credential.privateKey,
      x5c: credential.certificatePem,
    },
  };
}
