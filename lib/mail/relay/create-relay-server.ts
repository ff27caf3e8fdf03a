import 'server-only';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { reserveAttempt } from '@/lib/auth/rate-limit';
import { db } from '@/lib/db/prisma';
import { logger } from '@/lib/log/logger';
import { isSenderAllowed } from '@/lib/mail/settings/is-sender-allowed';
import { acceptRelayMessage } from './accept-relay-message';
import { authenticateRelayClient } from './authenticate-relay-client';
import { findNetworkClient } from './find-network-client';
import { recordRelayEvent } from './record-relay-event';
import { readStringList } from './relay-client-rules';
import type { RelayTls } from './load-relay-tls';
import { smtpRefusal } from './smtp-refusal';

export interface RelayServerOptions {
  tls: RelayTls;
  /** Implicit TLS (the TLS port) instead of STARTTLS. */
  implicitTls: boolean;
  /** Exact addresses whose connections start with a PROXY protocol header (v1 here; v2 via acceptProxyV2). */
  trustedProxies: string[];
  /**
   * Accept TLS 1.0 and 1.1 (an explicit opt-in for old printers): Node's OpenSSL 3 allows them only with the
   * ciphers at security level 0, so both are lowered for this listener alone.
   */
  legacyTls: boolean;
  /** Announced in EHLO's SIZE; each client's own limit is enforced on top. */
  announcedSize: number;
}

interface Transaction {
  clientId: string;
  allowedSenders: string[];
  maxMessageBytes: number;
}

const transactions = new WeakMap<SMTPServerSession, Transaction>();

const CLIENT_FIELDS = { id: true, enabled: true, allowedSenders: true, maxMessageBytes: true, ratePerMinute: true };

/**
 * The relay's SMTP server: AUTH (PLAIN, LOGIN) only once the connection is encrypted, mail only from an
 * authenticated client or from a network a no-authentication client lists, senders checked against the client's
 * list, its size and rate limits, and 250 only once the message is in the outbox.
 */
export function createRelayServer(options: RelayServerOptions): SMTPServer {
  const refuse = async (clientId: string | null, session: SMTPServerSession, code: number, text: string) => {
    if (clientId)
      await recordRelayEvent(clientId, {
        outcome: 'refused',
        address: session.remoteAddress,
        error: `${code} ${text}`,
      });
    return smtpRefusal(code, text);
  };
  return new SMTPServer({
    secure: options.implicitTls,
    key: options.tls.key,
    cert: options.tls.cert,
    minVersion: options.legacyTls ? 'TLSv1' : 'TLSv1.2',
    ...(options.legacyTls ? { ciphers: 'DEFAULT:@SECLEVEL=0' } : {}),
    banner: 'Switchboard SMTP relay',
    size: options.announcedSize,
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: true,
    allowInsecureAuth: false,
    useProxy: options.trustedProxies.length ? options.trustedProxies : false,
    // smtp-server looks each connecting address up in reverse DNS before its greeting, waiting up to 1.5 s: a device on
    // a network whose DNS does not answer for it would wait that long for every connection. Nothing here uses the name.
    disableReverseLookup: true,
    logger: false,
    onConnect(session, callback) {
      // smtp-server lists AUTH in EHLO even before STARTTLS; a session that is not encrypted does not offer it.
      session.disabledCommands = session.secure ? [] : ['AUTH'];
      callback();
    },
    onSecure(_socket, session, callback) {
      session.disabledCommands = [];
      callback();
    },
    onAuth(auth, session, callback) {
      if (auth.method !== 'PLAIN' && auth.method !== 'LOGIN')
        return callback(smtpRefusal(504, '5.5.4 Unrecognized authentication type'));
      authenticateRelayClient(auth.username ?? '', auth.password ?? '', session.remoteAddress).then(
        (result) =>
          result.ok
            ? callback(null, { user: result.clientId })
            : callback(
                result.reason === 'locked'
                  ? smtpRefusal(454, '4.7.0 Too many failed login attempts; try again later')
                  : smtpRefusal(535, '5.7.8 Authentication credentials invalid'),
              ),
        (error: unknown) => callback(error as Error),
      );
    },
    onMailFrom(address, session, callback) {
      (async () => {
        let clientId = typeof session.user === 'string' ? session.user : null;
        // Behind a proxy that sent no address (PROXY UNKNOWN), every device would share the proxy's address:
        // network-only clients are not matched then.
        const behindProxyWithoutAddress = options.trustedProxies.includes(session.remoteAddress);
        if (!clientId && !behindProxyWithoutAddress)
          clientId = (await findNetworkClient(session.remoteAddress))?.id ?? null;
        if (!clientId) return smtpRefusal(530, '5.7.0 Authentication required');
        const client = await db().relayClient.findUnique({ where: { id: clientId }, select: CLIENT_FIELDS });
        if (!client?.enabled) return smtpRefusal(530, '5.7.0 Authentication required');
        const allowedSenders = readStringList(client.allowedSenders);
        if (!isSenderAllowed(address.address, '', allowedSenders))
          return refuse(client.id, session, 550, `5.7.1 Sender ${address.address} is not allowed for this client`);
        const declared = Number(
          address.args && typeof address.args === 'object' ? (address.args as Record<string, string>).SIZE : 0,
        );
        if (declared > client.maxMessageBytes)
          return refuse(
            client.id,
            session,
            552,
            `5.3.4 Message size exceeds the limit of ${client.maxMessageBytes} bytes`,
          );
        const rate = await reserveAttempt({
          key: `relay:rate:${client.id}`,
          limit: client.ratePerMinute,
          windowMs: 60_000,
        });
        if (!rate.ok)
          return refuse(
            client.id,
            session,
            451,
            `4.7.1 Rate limit of ${client.ratePerMinute} messages per minute reached; try again later`,
          );
        transactions.set(session, { clientId: client.id, allowedSenders, maxMessageBytes: client.maxMessageBytes });
        return null;
      })().then(
        (refusal) => callback(refusal ?? undefined),
        (error: unknown) => callback(error as Error),
      );
    },
    onData(stream, session, callback) {
      const transaction = transactions.get(session);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (transaction && size <= transaction.maxMessageBytes) chunks.push(chunk);
      });
      stream.on('end', () => {
        (async () => {
          if (!transaction) return smtpRefusal(503, '5.5.1 Bad sequence of commands');
          if (size > transaction.maxMessageBytes)
            return refuse(
              transaction.clientId,
              session,
              552,
              `5.3.4 Message size exceeds the limit of ${transaction.maxMessageBytes} bytes`,
            );
          const accepted = await acceptRelayMessage({
            clientId: transaction.clientId,
            allowedSenders: transaction.allowedSenders,
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            recipients: session.envelope.rcptTo.map((r) => r.address),
            mime: Buffer.concat(chunks, size),
          });
          if (!accepted.ok) return refuse(transaction.clientId, session, accepted.code, accepted.text);
          await recordRelayEvent(transaction.clientId, { outcome: 'accepted', address: session.remoteAddress });
          return accepted.id;
        })().then(
          (result) => (typeof result === 'string' ? callback(null, `2.0.0 Queued as ${result}`) : callback(result)),
          (error: unknown) => {
            logger.error('relay.store_failed', { error: (error as Error).message });
            callback(smtpRefusal(451, '4.3.0 The message could not be stored; try again later'));
          },
        );
      });
    },
  });
}
