import type { DeliveryExplanation } from './explain-delivery-error';

/** What Switchboard knows about who signed in to SMTP when Exchange answered, since its 535 5.7.3 says nothing. */
export interface DeliveryContext {
  authType: 'delegated' | 'application';
  /** The application (client) id: `appid` of the token. */
  appId?: string | null;
  /** The enterprise application's (service principal's) object id: `oid` of an app-only token. */
  servicePrincipalId?: string | null;
  /** The Mailbox Email Address the XOAUTH2 login named. */
  mailbox?: string | null;
}

/**
 * Exchange refuses app-only SMTP AUTH with the same generic 535 5.7.3 whether the token lacks SMTP.SendAsApp or the
 * service principal has no permission on the mailbox: the explanation comes from knowing the connection is an
 * application's, with the Exchange Online PowerShell filled with its own ids (Microsoft's OAuth guide for
 * IMAP/POP/SMTP: New-ServicePrincipal, then Add-MailboxPermission … -AccessRights FullAccess).
 */
export function explainAppOnlySmtpRefusal(context: DeliveryContext): DeliveryExplanation {
  const appId = context.appId || '<application id>';
  const objectId = context.servicePrincipalId || '<enterprise application object id>';
  const mailbox = context.mailbox || '<mailbox>';
  return {
    title: 'Exchange refused the application for this mailbox',
    meaning: `The connection signs in as an application, and Exchange accepts app-only SMTP for ${mailbox} only when the token carries SMTP.SendAsApp and Exchange knows the app’s service principal with Full Access to that mailbox; its answer does not say which is missing.`,
    fix: `In Exchange Online PowerShell run New-ServicePrincipal -AppId ${appId} -ObjectId ${objectId} (once per app), then Add-MailboxPermission -Identity ${mailbox} -User ${objectId} -AccessRights FullAccess; if Test on the connection says the token lacks SMTP.SendAsApp, add it in the Azure portal (API permissions → Add a permission → APIs my organization uses → Office 365 Exchange Online → Application permissions → SMTP.SendAsApp) and Grant admin consent.`,
  };
}
