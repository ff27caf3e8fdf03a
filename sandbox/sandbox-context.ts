import type { ParsedSandboxConfig, SandboxSettings } from './config/sandbox-config-schema';
import { AuthorizeFlows } from './identity/authorize-flows';
import { type ResourceNames, resourceNamesOf } from './identity/microsoft-resources';
import type { TokenSigner } from './identity/token-signer';
import { Directory } from './store/directory';
import { MailStore } from './store/mail-store';
import { RequestCounters } from './store/request-counters';
import { ThrottleInjector } from './store/throttle-injector';
import { SubmissionLimits } from './smtp/submission-limits';
import { TokenStore } from './store/token-store';

// Everything the endpoints share: one per running sandbox, so parallel sandboxes never see each other.

export interface SandboxUrls {
  /** `https://127.0.0.1:PORT`: the Custom cloud's authority host. */
  authorityHost: string;
  /** The Graph base URL without version (the same HTTPS server). */
  graphBaseUrl: string;
}

export interface SandboxContext {
  directory: Directory;
  tokens: TokenStore;
  flows: AuthorizeFlows;
  mail: MailStore;
  settings: SandboxSettings;
  /** The resource names this sandbox's cloud answers for (config `resources`; default Microsoft's global ones). */
  resources: ResourceNames;
  signer: TokenSigner;
  counters: RequestCounters;
  throttle: ThrottleInjector;
  /** Exchange's per-mailbox SMTP AUTH limits (concurrent submissions, message rate), as `settings` sets them. */
  submissionLimits: SubmissionLimits;
  urls: SandboxUrls;
  log: (line: string) => void;
}

export function createSandboxContext(
  config: ParsedSandboxConfig,
  signer: TokenSigner,
  log: (line: string) => void,
): SandboxContext {
  const directory = new Directory(config);
  const mail = new MailStore();
  for (const tenant of directory.tenants) {
    for (const user of tenant.users) {
      if (user.mailbox) mail.mailbox(user.address, { external: false });
    }
  }
  const settings = { ...config.settings };
  return {
    directory,
    tokens: new TokenStore(),
    flows: new AuthorizeFlows(),
    mail,
    settings,
    resources: resourceNamesOf(config.resources),
    signer,
    counters: new RequestCounters(),
    throttle: new ThrottleInjector(),
    submissionLimits: new SubmissionLimits(settings),
    urls: { authorityHost: '', graphBaseUrl: '' },
    log,
  };
}
