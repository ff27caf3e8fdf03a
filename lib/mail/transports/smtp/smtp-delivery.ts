import 'server-only';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';
import { explainDeliveryError } from '@/lib/mail/delivery/explain-delivery-error';
import { sendOverSmtp } from '@/lib/mail/delivery/send-over-smtp';
import type { SmtpAuth as SmtpLogin } from '@/lib/mail/delivery/smtp-transports';
import { parseSmtpServer } from '@/lib/mail/settings/parse-smtp-server';
import { smtpSecurity } from '@/lib/mail/settings/smtp-security';
import type { PaceRoute } from '@/lib/mail/pacing/pace-limits';
import { assertNever } from '../assert-never';
import type { TransportDelivery } from '../prepared-delivery';
import type { SmtpTransport } from './smtp-transport';
import { smtpOAuthToken } from './smtp-oauth-token';

// SMTP, on the server: the server and Use SSL resolved, the login for the chosen authentication (a token through the
// connection for OAuth), then nodemailer's pool (a test email: a connection of its own).

type Login = { ok: true; login: SmtpLogin } | { ok: false; outcome: DeliveryOutcome };

async function loginFor(auth: SmtpTransport['auth'], host: string): Promise<Login> {
  switch (auth.kind) {
    case 'none':
      return { ok: true, login: { type: 'none' } };
    case 'basic':
      return { ok: true, login: { type: 'basic', user: auth.username, pass: auth.password } };
    case 'oauth': {
      const token = await smtpOAuthToken(auth.connectionId, host);
      return token.ok
        ? { ok: true, login: { type: 'oauth', user: auth.mailboxAddress, accessToken: token.accessToken } }
        : token;
    }
    default:
      return assertNever(auth);
  }
}

/** Exchange counts its SMTP AUTH limits per mailbox (the XOAUTH2 user); a plain server is paced per login. */
function paceRoute(login: SmtpLogin, host: string, port: number): PaceRoute {
  const server = host.toLowerCase();
  if (login.type === 'oauth')
    return { kind: 'exchange-smtp', key: `exchange-smtp:${server}:${login.user.toLowerCase()}` };
  return { kind: 'plain-smtp', key: `plain-smtp:${server}:${port}:${login.type === 'basic' ? login.user : ''}` };
}

export const smtpDelivery: TransportDelivery<'smtp'> = {
  async prepare(transport, { isTest }) {
    const fail = (outcome: DeliveryOutcome) => ({ ok: false as const, transport: transport.kind, outcome });
    const server = parseSmtpServer(transport.smtpServer);
    if (!server.ok)
      return fail({ kind: 'deferred', code: 'SETTINGS', answer: 'No SMTP server is set in the Email settings.' });
    if (transport.auth.kind === 'oauth' && !transport.auth.connectionId)
      return fail({
        kind: 'deferred',
        code: 'SETTINGS',
        answer: 'No Service Connection is chosen in the Email settings.',
      });
    const security = smtpSecurity(server.port, transport.useSsl, transport.implicitTls);
    if (!security.ok) return fail({ kind: 'failed', code: 'SETTINGS', answer: security.message });
    const login = await loginFor(transport.auth, server.host);
    if (!login.ok) return fail(login.outcome);
    const endpoint = { host: server.host, port: server.port, tls: security.mode, auth: login.login };
    return {
      ok: true,
      transport: transport.kind,
      pace: paceRoute(login.login, server.host, server.port),
      ...(login.login.type === 'oauth' ? { signsInAs: login.login.user.toLowerCase() } : {}),
      send: (message) => sendOverSmtp(message, endpoint, { oneOff: isTest }),
    };
  },
  explain: (outcome, context) => explainDeliveryError(outcome.code, outcome.answer, context),
};
