import type { CloudEndpoints } from './clouds';

// What each way of using a token needs from it: the API (audience) and the permission, delegated (`scp`) or
// application (`roles`), with the Azure portal step that adds it. Universal and pure: the token inspector
// (inspect-access-token) compares a token with this table.

export type TokenPath = 'smtp-send' | 'graph-send' | 'robot';

export type TokenApi = 'graph' | 'exchange';

export interface TokenPathNeeds {
  api: TokenApi;
  /** Delegated permissions, any one of which will do; the first is the one to add. */
  delegated: readonly [string, ...string[]];
  /** Application roles, any one of which will do; the first is the one to add. */
  application: readonly [string, ...string[]];
  /** What the path does, for a sentence: "sending over SMTP needs …". */
  what: string;
  /**
   * Whether Exchange's RBAC for Applications can grant the application role instead of Entra (it covers Microsoft
   * Graph and EWS, not SMTP AUTH): a role missing from the token is then a possibility to check, not an error.
   */
  rbacForApplications: boolean;
}

export const TOKEN_PATHS: Record<TokenPath, TokenPathNeeds> = {
  'smtp-send': {
    api: 'exchange',
    delegated: ['SMTP.Send'],
    application: ['SMTP.SendAsApp'],
    what: 'sending over SMTP',
    rbacForApplications: false,
  },
  'graph-send': {
    api: 'graph',
    delegated: ['Mail.Send', 'Mail.Send.Shared'],
    application: ['Mail.Send'],
    what: 'sending through Microsoft Graph',
    rbacForApplications: true,
  },
  robot: {
    api: 'graph',
    delegated: ['Mail.ReadWrite', 'Mail.ReadWrite.Shared'],
    application: ['Mail.ReadWrite'],
    what: 'reading and filing mail (E-mail Robot)',
    rbacForApplications: true,
  },
};

export const API_LABELS: Record<TokenApi, string> = { graph: 'Microsoft Graph', exchange: 'Exchange Online' };

/** The first-party app ids Entra may put in `aud` instead of the resource URI. */
export const API_APP_IDS: Record<TokenApi, string> = {
  graph: '00000003-0000-0000-c000-000000000000',
  exchange: '00000002-0000-0ff1-ce00-000000000000',
};

export type ApiResources = Pick<CloudEndpoints, 'graphResource' | 'exchangeResource' | 'exchangeAppResource'>;
