import { consentPage, escapeHtml } from './authorize-pages';

// The pages of /adminconsent: the administrator's consent page ("Consent on behalf of your organization") and
// Entra's "Need admin approval" for an account that may not grant it. Plain HTML with stable labels.

export interface AdminConsentPageInput {
  action: string;
  flowId: string;
  appName: string;
  userName: string;
  tenantName: string;
  permissions: string[];
}

export function adminConsentPage(input: AdminConsentPageInput): string {
  // The same page as a user's consent, with Entra's sentence that it is granted for everyone in the organisation.
  return consentPage({
    action: input.action,
    flowId: input.flowId,
    appName: input.appName,
    userName: input.userName,
    permissions: input.permissions,
  }).replace(
    '<p>Accepting these permissions',
    `<p id="admin-consent-note">If you accept, this app will get access to the specified resources for all users in ${escapeHtml(input.tenantName)}. Nobody else will be prompted to review these permissions.</p>\n<p>Accepting these permissions`,
  );
}

export interface NeedAdminApprovalPageInput {
  action: string;
  flowId: string;
  appName: string;
  userName: string;
  message: string;
}

export function needAdminApprovalPage(input: NeedAdminApprovalPageInput): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Need admin approval</title></head>
<body><main>
<p>${escapeHtml(input.userName)}</p>
<h1>Need admin approval</h1>
<p><strong>${escapeHtml(input.appName)}</strong> needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.</p>
<p role="alert" id="error-message">${escapeHtml(input.message)}</p>
<form method="post" action="${escapeHtml(input.action)}">
  <input type="hidden" name="flow" value="${escapeHtml(input.flowId)}">
  <button type="submit" name="decision" value="return" id="idBtn_Back">Return to the application without granting consent</button>
</form>
<p class="sandbox">Switchboard sandbox of the Microsoft identity platform. Nothing here reaches Microsoft.</p>
</main></body>
</html>`;
}
