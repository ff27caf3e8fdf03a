import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { ensureCertificates } from '../../../../sandbox/tls/ensure-certificates';
import { SANDBOX_TLS_DIR } from '../../../support/sandbox-tls';

// A plain SMTP server on loopback (not Exchange): what a customer's own relay or a local MTA is. It keeps every
// message it accepted, with its envelope and how the session was secured, for the tests to parse back.

export interface SinkMessage {
  raw: Buffer;
  from: string;
  to: string[];
  user: string | undefined;
  secure: boolean;
}

export interface SmtpSinkOptions {
  /** Offer STARTTLS (default true). */
  starttls?: boolean;
  /** TLS from the first byte, as on port 465. */
  implicitTls?: boolean;
  /** Require AUTH PLAIN/LOGIN with these credentials. */
  auth?: { user: string; pass: string };
  /** Answer DATA with this reply code and text instead of accepting (e.g. 451 4.3.2 …). */
  reject?: () => { code: number; text: string } | null;
  /** Wait this long before answering DATA, like a busy server (so a test can stop a sender mid-stream). */
  delayMs?: number;
}

export interface SmtpSink {
  port: number;
  messages: SinkMessage[];
  /** AUTH attempts received, with whether the session was encrypted then (a credential must never arrive in clear). */
  authAttempts: { secure: boolean }[];
  close(): Promise<void>;
}

class Reply extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const { server: tls } = ensureCertificates(SANDBOX_TLS_DIR);
  const messages: SinkMessage[] = [];
  const authAttempts: { secure: boolean }[] = [];
  let counter = 0;
  const server = new SMTPServer({
    secure: options.implicitTls ?? false,
    key: tls.keyPem,
    cert: tls.certPem,
    logger: false,
    disabledCommands: [...(options.starttls === false ? ['STARTTLS'] : []), ...(options.auth ? [] : ['AUTH'])],
    authOptional: !options.auth,
    // Without STARTTLS, accept AUTH in clear: a client that sent a credential unencrypted is then seen doing it.
    allowInsecureAuth: options.starttls === false,
    size: 50 * 1024 * 1024,
    closeTimeout: 200,
    onAuth(auth, session, callback) {
      authAttempts.push({ secure: session.secure });
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass)
        return callback(null, { user: auth.username });
      callback(new Reply(535, '5.7.8 Authentication credentials invalid'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => void answer());
      const answer = async () => {
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        const rejected = options.reject?.();
        if (rejected) return callback(new Reply(rejected.code, rejected.text));
        messages.push({
          raw: Buffer.concat(chunks),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          secure: session.secure,
        });
        counter += 1;
        callback(null, `2.0.0 Ok: queued as SINK${counter}`);
      };
    },
  });
  // A client killed mid-session (the crash tests) resets its socket; that is the point of those tests, not a failure.
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    messages,
    authAttempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
