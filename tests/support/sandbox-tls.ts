import path from 'node:path';

/** One sandbox CA for every test process, so NODE_EXTRA_CA_CERTS can name it before any process starts. */
export const SANDBOX_TLS_DIR = path.resolve(import.meta.dirname, '..', '..', '.tmp', 'sandbox-tls');
