import 'server-only';
import { ConfidentialClientApplication, type ICachePlugin, LogLevel } from '@azure/msal-node';
import { logger } from '@/lib/log/logger';
import { cloudEndpoints, type TenantCloud } from './clouds';

export interface TenantCredentials extends TenantCloud {
  directoryId: string;
  clientId: string;
  clientSecret: string;
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
      clientSecret: tenant.clientSecret,
      authority: `${authorityHost}/${tenant.directoryId}`,
      knownAuthorities: [new URL(authorityHost).host],
    },
    cache: cachePlugin ? { cachePlugin } : undefined,
    system: {
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (level, message) => {
          if (level <= LogLevel.Warning) logger.warn('msal', { message });
        },
      },
    },
  });
}
