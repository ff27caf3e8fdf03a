import { GLOBAL_RESOURCES } from '@/lib/entra/clouds';
import { explainGraphFailure } from '@/lib/entra/explain-graph-failure';
import type { GraphFailure } from '@/lib/entra/graph-failure';
import { type DeliveryContext, explainAppOnlySmtpRefusal } from './explain-app-only-smtp-refusal';

// What a remote's answer means and what to do about it, in plain words, for the Emails page and the Outbox.
// Universal. Matched on the reply code and text, most specific first; what a Graph answer means when sending is
// Microsoft's layer's to say (lib/entra/explain-graph-failure), asked at its place in the list.

export interface DeliveryExplanation {
  title: string;
  meaning: string;
  fix: string;
}

interface Rule extends DeliveryExplanation {
  test: RegExp;
}

/** Here the Graph explanations take their turn (marked by a rule without a test). */
const GRAPH = null;

const RULES: (Rule | typeof GRAPH)[] = [
  {
    test: /5\.7\.139.*basic authentication is disabled/i,
    title: 'Exchange Online refused Basic authentication',
    meaning: 'Microsoft no longer accepts a username and password for SMTP AUTH on this tenant.',
    fix: 'Set SMTP Authentication to Modern Authentication (OAuth 2.0) with a “Microsoft Entra ID Exchange” connection, or send through Microsoft Graph.',
  },
  {
    test: /5\.7\.139/,
    title: 'SMTP AUTH is turned off for the mailbox or the tenant',
    meaning:
      'Exchange Online accepts authenticated SMTP (client submission) only where SMTP AUTH is enabled; it is disabled for this mailbox or for the whole organisation.',
    fix: 'Either of two fixes. 1. Enable SMTP AUTH for the mailbox: in the Microsoft 365 admin center open the user → Mail → Manage email apps and tick “Authenticated SMTP”, or run Set-CASMailbox -Identity <mailbox> -SmtpClientAuthenticationDisabled $false (for the tenant: Set-TransportConfig -SmtpClientAuthenticationDisabled $false). 2. Or name a Microsoft Graph connection that sends as this mailbox as the Graph fall-back connection in Settings → Global System Settings → Emails (a relay client may name its own): Graph does not need SMTP AUTH, and messages SMTP AUTH refuses then go through it.',
  },
  {
    test: /\b5\.7\.3\b/,
    title: 'Exchange rejected the token',
    meaning:
      'The OAuth token was not accepted for this mailbox: it lacks SMTP.Send, was issued for another audience, or the Mailbox Email Address is neither the signed-in account nor a mailbox it has Full Access to.',
    fix: `Make the Mailbox Email Address the account shown on the Service Connection (or a mailbox it has Full Access or Send As on), check that the service grants ${GLOBAL_RESOURCES.exchange}/SMTP.Send, and run Setup Authentication again.`,
  },
  {
    test: /\b5\.7\.60\b|\b5\.2\.252\b|SendAsDenied/i,
    title: 'No right to send as this sender',
    meaning: 'The mailbox that signs in may not send with the Default Sender address as From.',
    fix: 'Use the mailbox’s own address as Default Sender, or give the mailbox Send As on the sender: Exchange admin center → Recipients → the sender → Delegation → Send as, or Add-RecipientPermission -Identity <sender> -Trustee <mailbox> -AccessRights SendAs.',
  },
  GRAPH,
  {
    test: /\b429\b|ApplicationThrottled|\b4\.3\.2\b|throttl/i,
    title: 'Microsoft is throttling this mailbox',
    meaning: 'Too many messages or requests in a short time; Microsoft asks the sender to wait.',
    fix: 'Nothing to do now: Switchboard waits as long as Microsoft asks (Retry-After) and sends again. If it happens often, spread the sending out or send from more than one mailbox.',
  },
  {
    test: /NEEDS_REAUTH|needs re-authentication|NOT_AUTHENTICATED/i,
    title: 'The Service Connection must be signed in again',
    meaning: 'The stored sign-in is no longer valid, so no token can be had. Messages stay queued until it is renewed.',
    fix: 'Open the Service Connection and run Setup Authentication; queued messages are then sent.',
  },
  {
    test: /\b5\.7\.57\b/,
    title: 'The server wants the sender to sign in',
    meaning: 'This server accepts mail only after SMTP AUTH.',
    fix: 'Set SMTP Authentication to Modern Authentication (OAuth 2.0) for Exchange Online, or to a username and password for another server.',
  },
  {
    test: /\b5\.3\.4\b|\b552\b|too large|size exceeds/i,
    title: 'The message is too large',
    meaning: 'The server’s size limit is smaller than this message with its attachments.',
    fix: 'Send smaller attachments, or a link to the file instead.',
  },
  {
    test: /\b55[03] 5\.1\.\d\b|\b5\.1\.1\b|recipient.*(rejected|not found|unknown)/i,
    title: 'A recipient was refused',
    meaning: 'The server does not accept mail for this address.',
    fix: 'Check the recipient’s address.',
  },
  {
    test: /^PLAINTEXT_AUTH_REFUSED\b/,
    title: 'Authentication over plain text refused',
    meaning:
      'The server offers no STARTTLS on this port, so the password or token would travel unencrypted; Switchboard never sends one that way.',
    fix: 'Tick Use SSL for a server with TLS (587 with STARTTLS, 465 with TLS from the first byte). Only a relay that needs no sign-in may be used in plain text: set SMTP Authentication to None.',
  },
  {
    test: /^NOT_IMPLICIT_TLS\b/,
    title: 'The server speaks plain text first, not TLS',
    meaning:
      'TLS from the first byte was chosen (port 465 or the advanced option), but the server greeted in plain text: it expects STARTTLS on this port.',
    fix: 'Untick “TLS from the first byte on this port” and keep Use SSL ticked (STARTTLS, required), or use the server’s TLS port (465).',
  },
  {
    test: /^IMPLICIT_TLS_PORT\b/,
    title: 'The server speaks TLS from the first byte',
    meaning:
      'Switchboard waited for a plain-text greeting to start STARTTLS, but this server expects TLS at once on this port.',
    fix: 'Tick Use SSL and “TLS from the first byte on this port”, or use port 465.',
  },
  {
    test: /^NO_STARTTLS\b|STARTTLS/,
    title: 'The server does not offer STARTTLS',
    meaning: 'Use SSL requires TLS, and this server answered on this port without offering STARTTLS.',
    fix: 'If the server speaks TLS from the first byte on this port, tick “TLS from the first byte on this port” (port 465 always does). For a relay on a trusted network that needs no sign-in, untick Use SSL and set SMTP Authentication to None.',
  },
  {
    test: /^TOKEN_HOST\b/,
    title: 'The token may not go to this SMTP server',
    meaning: 'A connection’s access token is only sent to its cloud’s own SMTP hosts.',
    fix: 'Use the cloud’s SMTP host (smtp.office365.com:587 for the global cloud).',
  },
  {
    test: /certificate|self[- ]signed|CERT_|altnames|unable to verify/i,
    title: 'The server’s certificate is not trusted',
    meaning:
      'The TLS certificate is self-signed, expired, for another host name, or from an authority this machine does not know.',
    fix: 'Use the host name on the certificate, or make this machine trust its authority (NODE_EXTRA_CA_CERTS=/path/to/ca.pem when starting Switchboard).',
  },
  {
    // Closed, filtered and non-SMTP ports look the same on purpose: Send test email is no port scanner.
    test: /^COULD_NOT_CONNECT\b|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EDNS|ETIMEDOUT|ECONNECTION|ECONNRESET|ESOCKET/,
    title: 'Could not connect',
    meaning: 'No SMTP server answered at this address.',
    fix: 'Check the SMTP server’s host and port, and that this machine may connect to it (firewall, proxy).',
  },
];

/**
 * A Graph answer as the outbox stores it (lib/mail/delivery/classify-graph-response): code "403 ErrorAccessDenied",
 * answer "403 ErrorAccessDenied: Access is denied…". SMTP's replies ("535 5.7.3") are not Graph answers.
 */
function graphFailureOf(code: string, answer: string): GraphFailure | null {
  const match = /^(\d{3}) ([A-Za-z_]\w*)$/.exec(code.trim()) ?? /^(\d{3}) ([A-Za-z_]\w*):/.exec(answer.trim());
  if (!match?.[1] || !match[2]) return null;
  return { status: Number(match[1]), code: match[2], message: answer };
}

/** `context`: who signed in, where Switchboard knows it (an application connection changes what 535 5.7.3 means). */
export function explainDeliveryError(
  code: string | null | undefined,
  answer: string | null | undefined,
  context?: DeliveryContext,
): DeliveryExplanation | null {
  const text = `${code ?? ''} ${answer ?? ''}`;
  if (context?.authType === 'application' && /\b5\.7\.3\b/.test(text)) return explainAppOnlySmtpRefusal(context);
  const graph = graphFailureOf(code ?? '', answer ?? '');
  for (const rule of RULES) {
    if (rule === GRAPH) {
      const explained = graph ? explainGraphFailure(graph, 'send') : null;
      if (explained) return explained;
    } else if (rule.test.test(text)) {
      return { title: rule.title, meaning: rule.meaning, fix: rule.fix };
    }
  }
  return null;
}
