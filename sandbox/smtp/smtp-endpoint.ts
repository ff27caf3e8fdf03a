import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { SandboxContext } from '../sandbox-context';
import { deliverParsed } from '../store/deliver-message';
import { parseMimeMessage } from '../store/parse-mime-message';
import type { KeyAndCertificate } from '../tls/issue-certificate';
import {
  SmtpReply,
  authenticateSmtpClient,
  maySendAs,
  smtpReplies,
  type SmtpSessionUser,
} from './authenticate-smtp-client';

// smtp.office365.com:587 on loopback: STARTTLS with the sandbox CA's certificate, AUTH XOAUTH2, and
// delivery into the sandbox mailboxes.

const MAX_MESSAGE_BYTES = 35_882_577;
const MAX_RECIPIENTS = 500;

export interface SmtpEndpoint {
  port: number;
  close(): Promise<void>;
}

const sessionUser = (session: SMTPServerSession) => session.user as SmtpSessionUser | undefined;

export async function startSmtpEndpoint(
  context: SandboxContext,
  tls: KeyAndCertificate,
  port: number,
): Promise<SmtpEndpoint> {
  const server = new SMTPServer({
    name: 'SANDBOX.outlook.office365.com',
    banner: 'Microsoft ESMTP MAIL Service ready (Switchboard sandbox)',
    secure: false,
    key: tls.keyPem,
    cert: tls.certPem,
    authMethods: ['LOGIN', 'PLAIN', 'XOAUTH2'],
    // The sandbox answers unauthenticated MAIL FROM itself, with Exchange's 530 5.7.57.
    authOptional: true,
    size: MAX_MESSAGE_BYTES,
    logger: false,
    closeTimeout: 200,
    onAuth(auth, _session, callback) {
      const result = authenticateSmtpClient(context, auth);
      if (result instanceof SmtpReply) {
        context.counters.increment('smtp:authFailure');
        return callback(result);
      }
      context.counters.increment('smtp:auth');
      callback(null, { user: result });
    },
    onMailFrom(address, session, callback) {
      const user = sessionUser(session);
      if (!user) return callback(smtpReplies.notAuthenticated());
      if (!maySendAs(context, user, address.address)) return callback(smtpReplies.sendAsDenied());
      context.submissionLimits.begin(session.id, user.mailbox);
      callback();
    },
    onRcptTo(_address, session, callback) {
      if (session.envelope.rcptTo.length >= MAX_RECIPIENTS)
        return callback(new SmtpReply(452, '4.5.3 Too many recipients'));
      callback();
    },
    onClose(session) {
      context.submissionLimits.end(session.id);
    },
    onData(stream, session, done) {
      // Whatever the answer, the transaction is over: the connection no longer counts as submitting.
      const callback = (error: Error | null, message?: string) => {
        context.submissionLimits.end(session.id);
        done(error, message);
      };
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        void (async () => {
          const user = sessionUser(session);
          if (!user) return callback(smtpReplies.notAuthenticated());
          if (stream.sizeExceeded) return callback(smtpReplies.tooLarge());
          if (context.submissionLimits.overConcurrency(session.id)) {
            context.counters.increment('smtp:concurrencyRefused');
            return callback(smtpReplies.concurrentConnections());
          }
          if (context.throttle.take('smtp') !== undefined) return callback(smtpReplies.throttled());
          const content = await parseMimeMessage(Buffer.concat(chunks));
          const headerFrom = content.from?.address;
          if (headerFrom && !maySendAs(context, user, headerFrom))
            return callback(smtpReplies.headerSendAsDenied(user.mailbox, headerFrom));
          const recipients = session.envelope.rcptTo.map((r) => r.address);
          const deliver = () => deliverParsed(context, content, { recipients, senderMailbox: user.mailbox });
          context.counters.increment('smtp:message');
          // Over the message rate, Exchange accepts and carries the delivery over to the following minutes.
          const carriedOverMs = context.submissionLimits.accept(user.mailbox);
          if (carriedOverMs === 0) {
            const result = deliver();
            return callback(null, `2.0.0 OK ${result.internetMessageId} [Hostname=SANDBOX.prod.outlook.com]`);
          }
          context.counters.increment('smtp:rateExceeded');
          setTimeout(deliver, carriedOverMs).unref();
          callback(null, `2.0.0 OK ${content.internetMessageId} [Hostname=SANDBOX.prod.outlook.com]`);
        })().catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });
  server.on('error', (error) => context.log(`smtp: ${error.message}`));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
