import { ensureCertificates } from '../../sandbox/tls/ensure-certificates';
import { SANDBOX_TLS_DIR } from './sandbox-tls';

// Runs once before the test processes start: they inherit NODE_EXTRA_CA_CERTS, which Node reads only at start-up,
// so the console's own code (MSAL, Graph, nodemailer) trusts the sandbox the way a deployment trusts a private CA.
export default function setup(): void {
  const certificates = ensureCertificates(SANDBOX_TLS_DIR);
  process.env.NODE_EXTRA_CA_CERTS = certificates.caFile;
  process.env.SANDBOX_TLS_DIR = SANDBOX_TLS_DIR;
}
