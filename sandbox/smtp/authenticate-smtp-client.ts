import type { SMTPServerAuthentication } from 'smtp-server';
import { verifyAccessToken } from '../identity/verify-access-token';
import type { SandboxContext } from '../sandbox-context';

// Exchange Online's SMTP AUTH: only XOAUTH2 with a token for https://outlook.office.com carrying SMTP.Send
// (or the SMTP.SendAsApp role); Basic authentication (LOGIN, PLAIN) is refused, and so is any mailbox or
// organisation with SMTP AUTH turned off.

export interface SmtpSessionUser {
  /** The mailbox the client authenticated to (the XOAUTH2 `user=`). */
  mailbox: string;
  ownerId: string;
  /** The signed-in user of a delegated token; undefined for an app-only token. */
  actorId?: string;
  tenantId: string;
}

export class SmtpReply extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

const HOST = '[SANDBOX.prod.outlook.com]';

export const smtpReplies = {
  authFailed: () => new SmtpReply(535, `5.7.3 Authentication unsuccessful ${HOST}`),
  basicAuthDisabled: () =>
    new SmtpReply(535, `5.7.139 Authentication unsuccessful, basic authentication is disabled. ${HOST}`),
  mailboxSmtpAuthDisabled: () =>
    new SmtpReply(
      535,
      `5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. ${HOST}`,
    ),
  tenantSmtpAuthDisabled: () =>
    new SmtpReply(
      535,
      `5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. ${HOST}`,
    ),
  notAuthenticated: () => new SmtpReply(530, `5.7.57 Client not authenticated to send mail. ${HOST}`),
  sendAsDenied: () => new SmtpReply(550, '5.7.60 SMTP; Client does not have permissions to send as this sender'),
  throttled: () => new SmtpReply(432, '4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded'),
  /** The text of Microsoft Learn's "Throttling limit for concurrent connections that submit messages", as sent. */
  concurrentConnections: () =>
    new SmtpReply(
      432,
      `4.3.2 Concurrent connections limit exceeded. Visit https://aka.ms/concurrent_sending for more information. ${HOST.replace('[', '[Hostname=')}`,
    ),
  tooLarge: () => new SmtpReply(552, '5.3.4 Message size exceeds fixed maximum message size'),
  headerSendAsDenied: (mailbox: string, from: string) =>
    new SmtpReply(
      554,
      `5.2.252 SendAsDenied; ${mailbox} not allowed to send as ${from}; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message.[EndDiagnosticData]`,
    ),
};

export function authenticateSmtpClient(
  context: SandboxContext,
  auth: SMTPServerAuthentication,
): SmtpSessionUser | SmtpReply {
  if (auth.method !== 'XOAUTH2') return smtpReplies.basicAuthDisabled();
  const check = verifyAccessToken(context, auth.accessToken, 'exchange');
  if (!check.ok) return smtpReplies.authFailed();
  const { principal } = check;
  const owner = context.directory.findUser(principal.tenant, auth.username ?? '');
  if (!owner?.mailbox) return smtpReplies.authFailed();
  if (principal.kind === 'delegated') {
    if (!principal.scopes.has('SMTP.Send')) return smtpReplies.authFailed();
    if (
      principal.user.id !== owner.id &&
      !context.directory.hasFullAccess(principal.user, owner) &&
      !context.directory.canSendAs(principal.user, owner)
    ) {
      return smtpReplies.authFailed();
    }
  } else if (
    !principal.roles.has('SMTP.SendAsApp') ||
    // Exchange answers the same generic 5.7.3 when the service principal has no mailbox permission.
    !context.directory.appHasFullAccess(principal.app, owner) ||
    !context.directory.appMayAccessMailbox(principal.app, owner)
  ) {
    return smtpReplies.authFailed();
  }
  if (!principal.tenant.smtpClientAuthenticationEnabled) return smtpReplies.tenantSmtpAuthDisabled();
  if (!owner.mailbox.smtpAuthEnabled) return smtpReplies.mailboxSmtpAuthDisabled();
  return {
    mailbox: owner.address,
    ownerId: owner.id,
    actorId: principal.kind === 'delegated' ? principal.user.id : undefined,
    tenantId: principal.tenant.id,
  };
}

/** Whether the authenticated session may use `address` as sender (its own mailbox, or SendAs on it). */
export function maySendAs(context: SandboxContext, user: SmtpSessionUser, address: string): boolean {
  const wanted = address.trim().toLowerCase();
  if (wanted === user.mailbox) return true;
  const tenant = context.directory.tenantById(user.tenantId);
  const target = context.directory.findUser(tenant, wanted);
  const actor = context.directory.userById(user.actorId ?? user.ownerId);
  return target !== undefined && context.directory.canSendAs(actor, target);
}
