import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import type { SandboxInfo } from '../start-sandbox';
import { CaNetworkClient } from './ca-network-client';

// MSAL Node configured for the sandbox the way the console configures it for a Custom cloud:
// authority `{authorityHost}/{tenant}`, knownAuthorities with the host, and a network client trusting the CA.

export interface MsalClientOptions {
  clientId?: string;
  clientSecret?: string;
  /** Signs client assertions instead of sending the secret. */
  clientCertificate?: { thumbprintSha256: string; privateKey: string; x5c?: string };
  tenant?: string;
  cachePlugin?: NonNullable<Configuration['cache']>['cachePlugin'];
}

export function createMsalClient(
  info: SandboxInfo,
  fetchImpl: typeof fetch,
  options: MsalClientOptions = {},
): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: options.clientId ?? info.clientId,
      ...(options.clientCertificate
        ? { clientCertificate: options.clientCertificate }
        : { clientSecret: options.clientSecret ?? info.clientSecret }),
      authority: `${info.authorityHost}/${options.tenant ?? info.tenantId}`,
      knownAuthorities: [new URL(info.authorityHost).host],
    },
    cache: options.cachePlugin ? { cachePlugin: options.cachePlugin } : undefined,
    system: { networkClient: new CaNetworkClient(fetchImpl) },
  });
}
