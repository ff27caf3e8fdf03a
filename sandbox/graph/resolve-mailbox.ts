import type { Principal } from '../identity/verify-access-token';
import type { SandboxContext } from '../sandbox-context';
import type { UserRecord } from '../store/directory';
import type { Mailbox } from '../store/mail-types';
import { graphErrors } from './graph-error';

// Which mailbox `/me` or `/users/{id|upn}` names, and whether the caller may use it: first the token's
// permissions (scp or roles), then Exchange's application access policy, then the mailbox itself, then
// the mailbox permissions (FullAccess, SendAs) a delegated caller needs on somebody else's mailbox.

export type MailAccess = 'read' | 'write' | 'send';

const DELEGATED_OWN: Record<MailAccess, string[]> = {
  read: ['Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite', 'Mail.Read.Shared', 'Mail.ReadWrite.Shared'],
  write: ['Mail.ReadWrite', 'Mail.ReadWrite.Shared'],
  send: ['Mail.Send', 'Mail.Send.Shared'],
};

const DELEGATED_OTHER: Record<MailAccess, string[]> = {
  read: ['Mail.Read.Shared', 'Mail.ReadWrite.Shared'],
  write: ['Mail.ReadWrite.Shared'],
  send: ['Mail.Send.Shared'],
};

const APPLICATION: Record<MailAccess, string[]> = {
  read: ['Mail.ReadBasic', 'Mail.ReadBasic.All', 'Mail.Read', 'Mail.ReadWrite'],
  write: ['Mail.ReadWrite'],
  send: ['Mail.Send'],
};

export interface ResolvedMailbox {
  owner: UserRecord;
  mailbox: Mailbox;
}

/** The user `/me` or `/users/{target}` names (directory lookup only; no mail permission needed). */
export function resolveTargetUser(context: SandboxContext, principal: Principal, target: string): UserRecord {
  if (target === 'me') {
    if (principal.kind !== 'delegated') throw graphErrors.meNeedsDelegatedToken();
    return principal.user;
  }
  const user = context.directory.findUser(principal.tenant, target);
  if (!user) throw graphErrors.invalidUser(target);
  return user;
}

export function resolveMailbox(
  context: SandboxContext,
  principal: Principal,
  target: string,
  access: MailAccess,
): ResolvedMailbox {
  const owner = resolveTargetUser(context, principal, target);
  if (principal.kind === 'delegated') {
    const own = owner.id === principal.user.id;
    const accepted = own ? DELEGATED_OWN[access] : DELEGATED_OTHER[access];
    if (!accepted.some((p) => principal.scopes.has(p))) throw graphErrors.accessDenied();
  } else {
    if (!APPLICATION[access].some((r) => principal.roles.has(r))) throw graphErrors.accessDenied();
    if (!context.directory.appMayAccessMailbox(principal.app, owner)) throw graphErrors.blockedByAccessPolicy();
  }
  const mailbox = owner.mailbox?.restEnabled ? context.mail.mailbox(owner.address) : undefined;
  if (!mailbox) throw graphErrors.mailboxNotEnabled();
  if (principal.kind === 'delegated' && owner.id !== principal.user.id) {
    if (access === 'send' && !context.directory.canSendAs(principal.user, owner)) throw graphErrors.sendAsDenied();
    if (access !== 'send' && !context.directory.hasFullAccess(principal.user, owner)) throw graphErrors.accessDenied();
  }
  return { owner, mailbox };
}
