import type { TokenApi } from './token-paths';

/**
 * The Azure portal step that adds a permission, as one clause. Microsoft's SMTP OAuth guide adds the delegated
 * SMTP.Send under Microsoft Graph; app-only SMTP.SendAsApp is under "APIs my organization uses → Office 365 Exchange
 * Online". Application permissions take effect only with admin consent; a delegated one is consented at sign-in.
 */
export function portalPermissionStep(api: TokenApi, kind: 'delegated' | 'application', permission: string): string {
  const where =
    api === 'exchange' && kind === 'application'
      ? 'APIs my organization uses → Office 365 Exchange Online'
      : 'Microsoft Graph';
  const type = kind === 'application' ? 'Application permissions' : 'Delegated permissions';
  const then =
    kind === 'application'
      ? 'then Grant admin consent for the tenant'
      : 'then run Setup Authentication again so the account consents (or Grant admin consent)';
  return `In the Azure portal, App registrations → the app → API permissions → Add a permission → ${where} → ${type} → ${permission} → Add permissions, ${then}.`;
}
