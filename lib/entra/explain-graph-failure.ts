import type { GraphFailure } from './graph-failure';

// What a failed Microsoft Graph call means and what to do about it, in the administrator's words, for the three
// places Graph is called: sending mail (the Emails page and the Outbox), reading a mailbox (the E-mail Robot), and
// Test on a connection. The same Graph code means different things in each, in delegated and application mode, and
// for one's own or another mailbox. Universal and pure: one list, most specific first.

export type GraphAction = 'send' | 'read' | 'test';

/** The mailbox a robot reads, for the explanations of a read. */
export interface MailboxContext {
  mode: 'delegated' | 'application';
  /** The configured address; empty for the signed-in user's own mailbox. */
  address: string;
  /** The signed-in account of a delegated connection. */
  account: string | null;
  folder?: string;
}

export interface GraphExplanation {
  title: string;
  meaning: string;
  fix: string;
}

type Explained = GraphExplanation | null;
type Rule = (failure: GraphFailure, action: GraphAction, mailbox: MailboxContext) => Explained | undefined;

const NO_MAILBOX: MailboxContext = { mode: 'delegated', address: '', account: null };

function isAccessPolicy(failure: GraphFailure): boolean {
  return /\[RAOP\]|AccessPolicy/i.test(failure.message);
}

function otherMailbox(context: MailboxContext): boolean {
  return Boolean(context.address) && context.address.toLowerCase() !== (context.account ?? '').toLowerCase();
}

function mailboxName(context: MailboxContext): string {
  return context.address || context.account || 'the signed-in user’s mailbox';
}

const tokenUnavailable: Rule = (failure, action) => {
  if (failure.code !== 'TokenUnavailable') return undefined;
  // Sending and Test explain the token service's answer themselves, before any Graph call.
  if (action !== 'read') return null;
  if (failure.tokenReason === 'needs_reauth' || failure.tokenReason === 'not_authenticated') {
    return {
      title: 'No usable sign-in',
      meaning: 'The Service Connection has no usable sign-in.',
      fix: 'Open the connection and run Setup Authentication again; the robot resumes by itself.',
    };
  }
  if (failure.tokenReason === 'not_found')
    return {
      title: 'The connection is gone',
      meaning: 'The Service Connection no longer exists.',
      fix: 'Choose another Service Connection for this mailbox.',
    };
  return {
    title: 'No token',
    meaning: 'Switchboard could not get a token for Microsoft Graph.',
    fix: 'Check the connection and its tenant (Verify credentials); the message above is Microsoft’s answer.',
  };
};

const accessPolicy: Rule = (failure, action, mailbox) => {
  if (failure.code !== 'ErrorAccessDenied' || !isAccessPolicy(failure)) return undefined;
  if (action === 'read') {
    return {
      title: 'An application access policy keeps the app out of this mailbox',
      meaning: `An Exchange application access policy blocks this app from ${mailboxName(mailbox)}.`,
      fix: 'In Exchange Online PowerShell, add the mailbox to the group the policy allows (New-ApplicationAccessPolicy / Test-ApplicationAccessPolicy), or choose a mailbox the app may open. Changes can take up to an hour.',
    };
  }
  return {
    title: 'An application access policy keeps the app out of this mailbox',
    meaning:
      'Exchange Online restricts which mailboxes this app registration may use, and this mailbox is not one of them.',
    fix: 'Send from a mailbox the policy allows, or add this mailbox to the policy’s group (New-ApplicationAccessPolicy / Test-ApplicationAccessPolicy in Exchange Online PowerShell).',
  };
};

const accessDenied: Rule = (failure, action, mailbox) => {
  if (failure.code !== 'ErrorAccessDenied') return undefined;
  if (action === 'send') {
    return {
      title: 'Microsoft Graph denied access: Mail.Send is missing',
      meaning:
        'The token does not carry the Mail.Send permission for this mailbox (or, for large messages, Mail.ReadWrite to create the draft).',
      fix: 'In the app registration add Microsoft Graph Mail.Send (Delegated for a signed-in connection, Application for client credentials), grant admin consent, then run Setup Authentication again. A signed-in connection sending as another mailbox needs Mail.Send.Shared: turn on its optional capability “Send as other mailboxes (Mail.Send.Shared)”.',
    };
  }
  if (action === 'test') {
    return {
      title: 'Microsoft Graph denied access',
      meaning: 'The token does not allow this call.',
      fix: 'Check the Microsoft Graph permissions of the app registration and their admin consent, then run Setup Authentication again.',
    };
  }
  const title = 'Microsoft Graph denied access to the mailbox';
  const name = mailboxName(mailbox);
  if (mailbox.mode === 'application') {
    return {
      title,
      meaning: `The app may not read ${name}: it lacks the Mail.ReadWrite application permission, or admin consent for it.`,
      fix: 'In Azure, add Microsoft Graph → Application permissions → Mail.ReadWrite to the app registration and grant admin consent.',
    };
  }
  if (otherMailbox(mailbox)) {
    return {
      title,
      meaning: `${mailbox.account ?? 'The signed-in account'} cannot open ${mailbox.address}: it has no Full Access permission on that mailbox, or the connection lacks Mail.ReadWrite.Shared.`,
      fix: `Give the account Full Access (Add-MailboxPermission -Identity ${mailbox.address} -User ${mailbox.account ?? '<account>'} -AccessRights FullAccess), or sign in with an account that has it. The Microsoft 365 service asks for Mail.ReadWrite.Shared.`,
    };
  }
  return {
    title,
    meaning: 'The signed-in account’s token does not allow reading and changing its mail.',
    fix: 'Use the Microsoft 365 service (Mail.ReadWrite.Shared) or add Mail.ReadWrite to the service’s scopes, then run Setup Authentication again to consent.',
  };
};

const notRestMailbox: Rule = (failure, action, mailbox) => {
  if (failure.code !== 'MailboxNotEnabledForRESTAPI') return undefined;
  const title = 'This mailbox cannot be reached through Microsoft Graph';
  if (action === 'read') {
    return {
      title,
      meaning: `${mailboxName(mailbox)} is not an Exchange Online mailbox Graph can reach (on-premises, inactive, or without a licence).`,
      fix: 'Use a mailbox hosted in Exchange Online.',
    };
  }
  return {
    title,
    meaning: 'The mailbox is on-premises, inactive, or has no Exchange Online licence.',
    fix: 'Use a mailbox hosted in Exchange Online, or send through SMTP instead.',
  };
};

// What follows is only said of a read or a Test: sending leaves every other answer to the delivery explanations
// (lib/mail/delivery/explain-delivery-error), which also cover SMTP's.
const rejectedTokenOnSend: Rule = (failure, action) => {
  if (action !== 'send') return undefined;
  if (failure.code !== 'InvalidAuthenticationToken') return null;
  return {
    title: 'Microsoft Graph rejected the token',
    meaning: 'The access token has expired, is for another audience, or was not issued for Microsoft Graph.',
    fix: 'Use a “Microsoft Entra ID Graph API” connection and run Setup Authentication again.',
  };
};

const readOrTest: Rule = (failure, action, mailbox) => {
  const robot = action === 'read';
  const name = mailboxName(mailbox);
  if (failure.code === 'ErrorInvalidUser' || failure.code === 'Request_ResourceNotFound') {
    return {
      title: 'No such mailbox',
      meaning: `There is no user or mailbox ${name} in this tenant.`,
      fix: 'Check the Mailbox Email Address for typos and that it belongs to the connection’s tenant.',
    };
  }
  if (failure.code === 'ErrorItemNotFound' && robot) {
    return {
      title: 'No such folder',
      meaning: `The folder “${mailbox.folder ?? 'Inbox'}” does not exist in ${name}.`,
      fix: 'Check the folder name; use a well-known name (Inbox, Archive) or a path such as Inbox/Orders.',
    };
  }
  if (failure.status === 400 && /\/me request is only valid with delegated/i.test(failure.message)) {
    return {
      title: 'No own mailbox',
      meaning: 'An application connection has no signed-in user, so there is no “own” mailbox.',
      fix: 'Enter the Mailbox Email Address.',
    };
  }
  if (failure.status === 401) {
    return {
      title: 'Microsoft Graph rejected the token',
      meaning: 'Microsoft Graph refused the access token.',
      fix: 'Run Setup Authentication again; if it persists, check the tenant’s cloud and Graph base URL.',
    };
  }
  if (failure.status === 429) {
    const fix = robot
      ? `Nothing to do: the robot waits ${failure.retryAfterSeconds ?? 'the time Microsoft asks'} s (Retry-After) and continues. Longer poll intervals lower the load.`
      : `Test again in ${failure.retryAfterSeconds ?? 60} s.`;
    return {
      title: 'Microsoft Graph is throttling',
      meaning: 'Microsoft Graph is throttling requests for this mailbox or app.',
      fix,
    };
  }
  if (failure.status === 410 && robot) {
    return {
      title: 'Sync state expired',
      meaning: 'Microsoft discarded the folder’s sync state (the delta link expired).',
      fix: 'Nothing to do: the robot starts a new sync; messages it already has are not handed on again.',
    };
  }
  const later = robot ? 'the robot tries again at the next poll' : 'test again later';
  if (failure.status >= 500)
    return {
      title: 'Microsoft Graph had a problem',
      meaning: 'Microsoft Graph had a temporary problem.',
      fix: `Nothing to do: ${later}.`,
    };
  if (failure.code === 'InternalError') {
    return {
      title: 'Something went wrong',
      meaning: 'Something went wrong inside Switchboard, not at Microsoft.',
      fix: `The server log has the details under the id shown; ${later}.`,
    };
  }
  if (failure.status === 0) {
    return {
      title: 'Microsoft Graph is out of reach',
      meaning: 'Switchboard could not reach Microsoft Graph.',
      fix: `Check the network, proxy and the tenant’s Graph base URL; ${later}.`,
    };
  }
  return {
    title: 'Microsoft Graph refused the request',
    meaning: 'Microsoft Graph refused the request.',
    fix: 'The code and message above are Microsoft’s own; search for them in the Graph documentation.',
  };
};

const RULES: readonly Rule[] = [
  tokenUnavailable,
  accessPolicy,
  accessDenied,
  notRestMailbox,
  rejectedTokenOnSend,
  readOrTest,
];

/** A read always has an explanation; sending and Test may have none (their own explanations take over). */
export function explainGraphFailure(failure: GraphFailure, action: 'read', mailbox: MailboxContext): GraphExplanation;
export function explainGraphFailure(failure: GraphFailure, action: 'send' | 'test'): GraphExplanation | null;
export function explainGraphFailure(
  failure: GraphFailure,
  action: GraphAction,
  mailbox: MailboxContext = NO_MAILBOX,
): GraphExplanation | null {
  for (const rule of RULES) {
    const explained = rule(failure, action, mailbox);
    if (explained !== undefined) return explained;
  }
  return null;
}
