import 'server-only';
import type { SmtpTlsMode } from '@/lib/mail/settings/smtp-security';
import type { DeliveryOutcome } from './delivery-outcome';
import { probeSmtpGreeting } from './probe-smtp-greeting';

// A failure before the SMTP session was set up, put in words. When nothing answered as an SMTP server the answer is
// "Could not connect" and nothing more: closed, filtered and non-SMTP ports look the same, so Send test email is no
// port scanner. A Use SSL mismatch is explained only once it is certain: an SMTP greeting was read (in plain text
// where TLS was expected, or inside TLS where plain text was), or the server refused STARTTLS after greeting.

interface SmtpLikeError {
  code?: unknown;
  originalCode?: unknown;
  command?: unknown;
  response?: unknown;
  responseCode?: unknown;
  message?: unknown;
}

export interface ConnectTarget {
  host: string;
  port: number;
  tls: SmtpTlsMode;
  authenticated: boolean;
}

const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EADDRNOTAVAIL',
]);
const TLS_PROTOCOL =
  /wrong version number|unknown protocol|packet length too long|record layer failure|http request|unexpected message|tlsv1 alert protocol version|unsupported protocol|ERR_SSL_/i;
const CERTIFICATE = /certificate|self[- ]signed|CERT_|altnames|unable to verify/i;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, 300);
}

export async function explainSmtpConnectFailure(
  thrown: unknown,
  target: ConnectTarget,
): Promise<DeliveryOutcome | null> {
  const e = (thrown ?? {}) as SmtpLikeError;
  const code = text(e.code);
  const original = text(e.originalCode);
  const message = text(e.message);
  const where = `${target.host}:${target.port}`;
  if (
    typeof e.responseCode === 'number' &&
    e.responseCode >= 400 &&
    text(e.command) !== 'STARTTLS' &&
    !/STARTTLS/.test(message)
  )
    return null;
  if (CERTIFICATE.test(message) || CERTIFICATE.test(original)) return null;

  // A greeting was read, then STARTTLS was refused or not offered.
  if (
    (code === 'ETLS' && text(e.command) === 'STARTTLS' && text(e.response)) ||
    /does not support required STARTTLS/.test(message)
  ) {
    const reply = oneLine(text(e.response));
    if (target.tls === 'starttls') {
      return {
        kind: 'failed',
        code: 'NO_STARTTLS',
        answer: `${where} greeted as an SMTP server but does not offer STARTTLS, and Use SSL requires TLS on this port.${reply ? ` Its answer to STARTTLS: ${reply}` : ''}`,
      };
    }
    return {
      kind: 'failed',
      code: 'PLAINTEXT_AUTH_REFUSED',
      answer: `${where} offers no STARTTLS, so the session would be plain text; Switchboard never sends a password or token unencrypted and did not sign in.${reply ? ` Its answer to STARTTLS: ${reply}` : ''}`,
    };
  }

  const tlsProtocolError = TLS_PROTOCOL.test(message) || TLS_PROTOCOL.test(original);
  if (tlsProtocolError && target.tls === 'implicit' && (await probeSmtpGreeting(target.host, target.port, 'plain'))) {
    return {
      kind: 'failed',
      code: 'NOT_IMPLICIT_TLS',
      answer: `${where} answered with a plain-text SMTP greeting, not with TLS from the first byte: this port upgrades with STARTTLS.`,
    };
  }
  if (tlsProtocolError && target.tls !== 'implicit') {
    return {
      kind: 'failed',
      code: 'TLS_HANDSHAKE',
      answer: `The TLS handshake with ${where} after STARTTLS failed with a protocol error.`,
    };
  }

  const noGreeting = /Greeting never received|Invalid greeting|Connection closed unexpectedly|Connection timeout/i.test(
    message,
  );
  if (noGreeting && target.tls !== 'implicit' && (await probeSmtpGreeting(target.host, target.port, 'tls'))) {
    return {
      kind: 'failed',
      code: 'IMPLICIT_TLS_PORT',
      answer: `${where} speaks TLS from the first byte (its SMTP greeting came inside TLS), not plain text with STARTTLS.`,
    };
  }
  if (
    noGreeting ||
    tlsProtocolError ||
    NOT_CONNECTED.has(original) ||
    NOT_CONNECTED.has(code) ||
    code === 'EDNS' ||
    code === 'ECONNECTION' ||
    code === 'ESOCKET' ||
    code === 'ETIMEDOUT'
  ) {
    return { kind: 'retry', code: 'COULD_NOT_CONNECT', answer: `Could not connect to ${where}.` };
  }
  return null;
}
