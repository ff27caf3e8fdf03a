import type { GraphFailure } from '@/lib/entra/graph-failure';

// What a Graph failure means for a robot mailbox, and what to do about it, in the administrator's words. The
// same Graph code means different things in delegated and application mode, and for one's own or another mailbox.
// Universal and pure.

export interface RobotMailboxContext {
  mode: 'delegated' | 'application';
  /** The configured address; empty for the signed-in user's own mailbox. */
  address: string;
  /** The signed-in account of a delegated connection. */
  account: string | null;
  folder?: string;
}

export interface GraphExplanation {
  meaning: string;
  fix: string;
}

function isAccessPolicy(failure: GraphFailure): boolean {
  return /\[RAOP\]|AccessPolicy/i.test(failure.message);
}

function otherMailbox(context: RobotMailboxContext): boolean {
  return Boolean(context.address) && context.address.toLowerCase() !== (context.account ?? '').toLowerCase();
}

export function explainGraphFailure(failure: GraphFailure, context: RobotMailboxContext): GraphExplanation {
  const mailbox = context.address || context.account || 'the signed-in user’s mailbox';
  if (failure.code === 'TokenUnavailable') {
    if (failure.tokenReason === 'needs_reauth' || failure.tokenReason === 'not_authenticated') {
      return { meaning: 'The Service Connection has no usable sign-in.', fix: 'Open the connection and run Setup Authentication again; the robot resumes by itself.' };
    }
    if (failure.tokenReason === 'not_found') return { meaning: 'The Service Connection no longer exists.', fix: 'Choose another Service Connection for this mailbox.' };
    return { meaning: 'Switchboard could not get a token for Microsoft Graph.', fix: 'Check the connection and its tenant (Verify credentials); the message above is Microsoft’s answer.' };
  }
  if (failure.status === 403 && failure.code === 'ErrorAccessDenied' && isAccessPolicy(failure)) {
    return {
      meaning: `An Exchange application access policy blocks this app from ${mailbox}.`,
      fix: 'In Exchange Online PowerShell, add the mailbox to the group the policy allows (New-ApplicationAccessPolicy / Test-ApplicationAccessPolicy), or choose a mailbox the app may open. Changes can take up to an hour.',
    };
  }
  if (failure.status === 403 && failure.code === 'ErrorAccessDenied') {
    if (context.mode === 'application') {
      return {
        meaning: `The app may not read ${mailbox}: it lacks the Mail.ReadWrite application permission, or admin consent for it.`,
        fix: 'In Azure, add Microsoft Graph → Application permissions → Mail.ReadWrite to the app registration and grant admin consent.',
      };
    }
    if (otherMailbox(context)) {
      return {
        meaning: `${context.account ?? 'The signed-in account'} cannot open ${context.address}: it has no Full Access permission on that mailbox, or the connection lacks Mail.ReadWrite.Shared.`,
        fix: `Give the account Full Access (Add-MailboxPermission -Identity ${context.address} -User ${context.account ?? '<account>'} -AccessRights FullAccess), or sign in with an account that has it. The Microsoft 365 service asks for Mail.ReadWrite.Shared.`,
      };
    }
    return {
      meaning: 'The signed-in account’s token does not allow reading and changing its mail.',
      fix: 'Use the Microsoft 365 service (Mail.ReadWrite.Shared) or add Mail.ReadWrite to the service’s scopes, then run Setup Authentication again to consent.',
    };
  }
  if (failure.code === 'MailboxNotEnabledForRESTAPI') {
    return { meaning: `${mailbox} is not an Exchange Online mailbox Graph can reach (on-premises, inactive, or without a licence).`, fix: 'Use a mailbox hosted in Exchange Online.' };
  }
  if (failure.code === 'ErrorInvalidUser' || failure.code === 'Request_ResourceNotFound') {
    return { meaning: `There is no user or mailbox ${mailbox} in this tenant.`, fix: 'Check the Mailbox Email Address for typos and that it belongs to the connection’s tenant.' };
  }
  if (failure.code === 'ErrorItemNotFound') {
    return { meaning: `The folder “${context.folder ?? 'Inbox'}” does not exist in ${mailbox}.`, fix: 'Check the folder name; use a well-known name (Inbox, Archive) or a path such as Inbox/Orders.' };
  }
  if (failure.status === 400 && /\/me request is only valid with delegated/i.test(failure.message)) {
    return { meaning: 'An application connection has no signed-in user, so there is no “own” mailbox.', fix: 'Enter the Mailbox Email Address.' };
  }
  if (failure.status === 401) {
    return { meaning: 'Microsoft Graph refused the access token.', fix: 'Run Setup Authentication again; if it persists, check the tenant’s cloud and Graph base URL.' };
  }
  if (failure.status === 429) {
    return { meaning: 'Microsoft Graph is throttling requests for this mailbox or app.', fix: `Nothing to do: the robot waits ${failure.retryAfterSeconds ?? 'the time Microsoft asks'} s (Retry-After) and continues. Longer poll intervals lower the load.` };
  }
  if (failure.status === 410) {
    return { meaning: 'Microsoft discarded the folder’s sync state (the delta link expired).', fix: 'Nothing to do: the robot starts a new sync; messages it already has are not handed on again.' };
  }
  if (failure.status >= 500) return { meaning: 'Microsoft Graph had a temporary problem.', fix: 'Nothing to do: the robot tries again at the next poll.' };
  if (failure.code === 'InternalError') return { meaning: 'Something went wrong inside Switchboard, not at Microsoft.', fix: 'The server log has the details under the id shown; the robot tries again at the next poll.' };
  if (failure.status === 0) {
    return { meaning: 'Switchboard could not reach Microsoft Graph.', fix: 'Check the network, proxy and the tenant’s Graph base URL; the robot tries again at the next poll.' };
  }
  return { meaning: 'Microsoft Graph refused the request.', fix: 'The code and message above are Microsoft’s own; search for them in the Graph documentation.' };
}
