import { GLOBAL_RESOURCES } from '@/lib/entra/clouds';
import type { AuthType } from './auth-types';

// The services that exist from the first start, named exactly as in the Matrix42 and Microsoft guides.
// `ensureBuiltInServices` creates them and keeps everything but the administrator's scopes in line with this list.
// Scopes name Microsoft's global resources; a tenant in a national cloud asks its own (lib/entra/scopes-for-cloud).

const { graph: GRAPH, exchange: EXCHANGE, exchangeApp: EXCHANGE_APP } = GLOBAL_RESOURCES;

export interface BuiltInCapability {
  key: string;
  name: string;
  scopes: string[];
  optional?: boolean;
}

export interface BuiltInService {
  builtInKey: string;
  name: string;
  authType: AuthType;
  description: string;
  capabilities: BuiltInCapability[];
}

export const BUILT_IN_SERVICES: readonly BuiltInService[] = [
  {
    builtInKey: 'exchange-smtp',
    name: 'Microsoft Entra ID Exchange',
    authType: 'delegated',
    description: 'Sends mail over SMTP with OAuth (XOAUTH2) as the signed-in mailbox; optionally reads it over IMAP.',
    capabilities: [
      { key: 'smtp', name: 'SMTP send', scopes: ['offline_access', `${EXCHANGE}/SMTP.Send`] },
      { key: 'imap', name: 'IMAP access', scopes: [`${EXCHANGE}/IMAP.AccessAsUser.All`], optional: true },
    ],
  },
  {
    builtInKey: 'graph-mail',
    name: 'Microsoft Entra ID Graph API',
    authType: 'delegated',
    description:
      'Sends mail through Microsoft Graph as the signed-in mailbox (POST /me/sendMail), or as a mailbox it may send as (POST /users/{mailbox}/sendMail).',
    capabilities: [
      { key: 'graph-send', name: 'Graph send mail', scopes: ['offline_access', `${GRAPH}/Mail.Send`] },
      // Off by default, so the ESMP guide's permission list (Mail.Send) stays enough; a connection turns it on.
      {
        key: 'graph-send-shared',
        name: 'Send as other mailboxes (Mail.Send.Shared)',
        scopes: [`${GRAPH}/Mail.Send.Shared`],
        optional: true,
      },
    ],
  },
  {
    builtInKey: 'm365-mailbox',
    name: 'Microsoft 365',
    authType: 'delegated',
    description: 'Reads and files mail in personal and shared mailboxes through Microsoft Graph (E-mail Robot).',
    capabilities: [
      {
        key: 'graph-mailbox',
        name: 'Graph mailbox access',
        scopes: ['offline_access', `${GRAPH}/Mail.ReadWrite.Shared`],
      },
    ],
  },
  {
    builtInKey: 'client-credentials',
    name: 'Microsoft Entra ID (Client Credentials)',
    authType: 'application',
    description:
      'Sends and reads mail through Microsoft Graph, or sends over SMTP (XOAUTH2), with the application permissions granted to the app registration, without a signed-in user.',
    capabilities: [
      { key: 'graph-app', name: 'Graph application permissions', scopes: [`${GRAPH}/.default`] },
      // App-only SMTP AUTH: the Exchange token carries SMTP.SendAsApp (Microsoft's client-credentials guide names
      // this resource); Exchange also needs the service principal's permission on each mailbox.
      { key: 'exchange-smtp', name: 'Exchange SMTP', scopes: [`${EXCHANGE_APP}/.default`] },
    ],
  },
];
