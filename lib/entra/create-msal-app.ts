import 'server-only';
import { ConfidentialClientApplication, type ICachePlugin, LogLevel } from '@azure/msal-node';
import { logger } from '@/lib/log/logger';
import { cloudEndpoints, type TenantCloud } from './clouds';
import { msalClientCredential, type TenantCredential } from './msal-client-credential';

export interface TenantCredentials extends TenantCloud {
  directoryId: string;
  clientId: string;
  credential: TenantCredential;
}

/**
 * A confidential client for one tenant's app registration. The authority host is always listed as known, so MSAL
 * reads its metadata from that host only (no instance discovery at login.microsoftonline.com), which is what a
 * sovereign or Custom cloud and a machine behind a strict proxy need. Private CAs: NODE_EXTRA_CA_CERTS.
 */
export function createMsalApp(tenant: TenantCredentials, cachePlugin?: ICachePlugin): ConfidentialClientApplication {
  const { authorityHost } = cloudEndpoints(tenant);
  return new ConfidentialClientApplication({
    auth: {
      clientId: tenant.clientId,
      ...msalClientCredential(tenant.credential),
      authority: `${authorityHost}/${tenant.directoryId}`,
      knownAuthorities: [new URL(authorityHost).host],
    },
    cache: cachePlugin ? { cachePlugin } : undefined,
    system: {
      // MSAL's warnings are its own bookkeeping ("No client info in response" on every client-credentials token):
      // noise for an operator. Its errors are logged; what went wrong with a request reaches the caller as a value.
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Error,
        loggerCallback: (level, message) => {
          if (level <= LogLevel.Error) logger.warn('msal', { message });
        },
      },
    },
  });
}
