import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issueCertificateAuthority, issueLeafCertificate, isUsableCertificate } from './issue-certificate';

describe('issued certificates', () => {
  it('are read by OpenSSL every time (DER-minimal serial numbers) and chain to the CA', () => {
    const ca = issueCertificateAuthority();
    for (let i = 0; i < 10; i++) {
      const leaf = issueLeafCertificate(ca, '127.0.0.1', true);
      const x509 = new X509Certificate(leaf.certPem);
      expect(x509.checkIssued(new X509Certificate(ca.certPem))).toBe(true);
      expect(x509.subjectAltName).toContain('IP Address:127.0.0.1');
      expect(isUsableCertificate(leaf.certPem, ca.certPem, 30)).toBe(true);
    }
  });
});
