import 'server-only';
import type { OutboundContent } from '@/lib/mail/mail-address';
import { classifySmtpError } from './classify-smtp-error';
import { mailComposerOptions } from './mail-composer-options';
import type { DeliveryOutcome } from './delivery-outcome';
import { explainSmtpConnectFailure } from './explain-smtp-connect-failure';
import { oneOffSmtpTransport, type SmtpEndpoint, smtpTransport } from './smtp-transports';

/** The server's id for the message in its 250 reply: Postfix "queued as X", Exchange "<id>", else the reply. */
function providerIdOf(response: string): string | null {
  const match =
    /queued as ([\w.-]+)/i.exec(response) ?? /<([^>\s]+)>/.exec(response) ?? /\bid=([\w.-]+)/i.exec(response);
  if (match?.[1]) return match[1];
  const rest = response.replace(/^\d{3}[ -]?(\d\.\d{1,3}\.\d{1,3})?\s*/, '').trim();
  return rest ? rest.slice(0, 200) : null;
}

/** `oneOff`: a new connection for this message alone (test emails), instead of the shared pool. */
export async function sendOverSmtp(
  message: OutboundContent,
  endpoint: SmtpEndpoint,
  options: { oneOff?: boolean } = {},
): Promise<DeliveryOutcome> {
  const transport = options.oneOff ? oneOffSmtpTransport(endpoint) : smtpTransport(endpoint);
  try {
    const recipients = [...message.to, ...message.cc, ...message.bcc].map((a) => a.address);
    // nodemailer composes the message as it streams it to the server (Bcc in the envelope only), instead of composing
    // it into a buffer first and streaming that: half the work per message. A relayed message goes as the device sent
    // it, to the envelope it was handed over with.
    const info = await transport.sendMail(
      message.raw
        ? { raw: message.raw.mime, envelope: { from: message.raw.envelopeFrom, to: message.raw.recipients } }
        : { ...mailComposerOptions(message), envelope: { from: message.from.address, to: recipients } },
    );
    const response = String(info.response ?? '250');
    const refused = info.rejected.length ? `; refused: ${info.rejected.map(String).join(', ')}` : '';
    const code = /^(\d{3})(?:[ -](\d\.\d{1,3}\.\d{1,3}))?/.exec(response);
    return {
      kind: 'sent',
      code: code ? [code[1], code[2]].filter(Boolean).join(' ') : '250',
      answer: `${response}${refused}`.slice(0, 1000),
      providerMessageId: providerIdOf(response),
    };
  } catch (error) {
    const target = {
      host: endpoint.host,
      port: endpoint.port,
      tls: endpoint.tls,
      authenticated: endpoint.auth.type !== 'none',
    };
    return (await explainSmtpConnectFailure(error, target)) ?? classifySmtpError(error);
  } finally {
    if (options.oneOff) transport.close();
  }
}
