import { GLOBAL_RESOURCES, globalResourceOf } from '@/lib/entra/clouds';
import { resourceOf } from '@/lib/entra/oauth-scopes';

// Whether a connection can do a job (send over SMTP, send through Graph, read mail for the E-mail Robot), and why
// not. Universal: the lists show it (unusable connections disabled with the reason), the server checks it again on
// save. Delegated connections are judged by the scopes Microsoft granted at sign-in; application connections by the
// roles in their last token, recorded by Test and Verify credentials. A role missing from the token is only a warning:
// Exchange's RBAC for Applications grants mailbox rights that never appear in the token. Scopes and roles are judged
// by their API's global name (lib/entra/clouds), so a national cloud's https://graph.microsoft.us/Mail.Send counts.

export type ConnectionJob = 'smtp-send' | 'graph-send' | 'robot';

// Judged by the global names: a national cloud's scopes and roles are recorded under them too.
const GRAPH = GLOBAL_RESOURCES.graph;
const OUTLOOK = GLOBAL_RESOURCES.exchange;
// Roles recorded before they were keyed by the global name may sit under Exchange's app-only name.
const OUTLOOK_APP = GLOBAL_RESOURCES.exchangeApp;

export interface ConnectionFacts {
  name: string;
  authType: 'delegated' | 'application';
  state: string;
  lastError: string | null;
  grantedScopes: readonly string[];
  /** What the connection asks for (its service's scopes and the optional capabilities turned on). */
  requestedScopes: readonly string[];
  /** Application connections: the roles of the last token per resource; null until Test or Verify credentials. */
  appRoles: Record<string, readonly string[]> | null;
}

export type ConnectionFit = { usable: true; warning: string | null } | { usable: false; reason: string };

interface JobNeeds {
  /** Delegated permissions (any one) and the resource they belong to. */
  delegated: readonly string[];
  resource: string;
  /** Application roles (any one) and the resources whose token carries them. */
  roles: readonly string[];
  roleResources: readonly string[];
  what: string;
}

const NEEDS: Record<ConnectionJob, JobNeeds> = {
  'smtp-send': {
    delegated: ['SMTP.Send'],
    resource: OUTLOOK,
    roles: ['SMTP.SendAsApp'],
    roleResources: [OUTLOOK, OUTLOOK_APP],
    what: 'SMTP send',
  },
  'graph-send': {
    delegated: ['Mail.Send', 'Mail.Send.Shared'],
    resource: GRAPH,
    roles: ['Mail.Send'],
    roleResources: [GRAPH],
    what: 'Microsoft Graph send',
  },
  robot: {
    delegated: ['Mail.ReadWrite', 'Mail.ReadWrite.Shared'],
    resource: GRAPH,
    roles: ['Mail.ReadWrite'],
    roleResources: [GRAPH],
    what: 'reading and filing mail',
  },
};

/**
 * "https://graph.microsoft.us/Mail.Send" or "Mail.Send" (Graph's bare form) → { resource, permission } in lower case,
 * the resource by its API's global name (either Exchange name is https://outlook.office.com).
 */
function parts(scope: string): { resource: string; permission: string } {
  const resource = resourceOf(scope);
  const permission = (resource ? scope.slice(resource.length + 1) : scope).toLowerCase();
  return { resource: resource ? (globalResourceOf(resource) ?? resource) : GRAPH, permission };
}

export function hasPermission(scopes: readonly string[], resource: string, permissions: readonly string[]): boolean {
  const wanted = new Set(permissions.map((p) => p.toLowerCase()));
  const api = globalResourceOf(resource) ?? resource.toLowerCase();
  return scopes.some((scope) => {
    const p = parts(scope);
    return p.resource === api && wanted.has(p.permission);
  });
}

export function connectionFit(job: ConnectionJob, facts: ConnectionFacts): ConnectionFit {
  const needs = NEEDS[job];
  if (facts.authType === 'application') {
    const asksGraph = facts.requestedScopes.some((s) => parts(s).resource === GRAPH);
    if (job !== 'smtp-send' && !asksGraph) return { usable: false, reason: 'has no Microsoft Graph permission' };
    if (!facts.appRoles)
      return { usable: true, warning: 'application roles not verified yet: run Test on the connection' };
    const roles = needs.roleResources.flatMap((r) => facts.appRoles?.[r] ?? []);
    const checked = needs.roleResources.some((r) => facts.appRoles?.[r] !== undefined);
    if (!checked)
      return { usable: true, warning: `${needs.roles.join(' or ')} not verified yet: run Test on the connection` };
    if (!roles.some((r) => needs.roles.some((n) => n.toLowerCase() === r.toLowerCase()))) {
      return {
        usable: true,
        warning: `${needs.roles.join(' or ')} is not in the token; it may be granted in Exchange (RBAC for Applications)`,
      };
    }
    return { usable: true, warning: null };
  }
  if (facts.state === 'needs_reauth')
    return { usable: false, reason: 'needs re-authentication: run Setup Authentication again' };
  if (facts.state === 'error')
    return { usable: false, reason: `is in error: ${facts.lastError ?? 'see the connection'}` };
  if (facts.state !== 'authenticated')
    return { usable: false, reason: 'nobody has signed in yet: run Setup Authentication on it' };
  if (!hasPermission(facts.grantedScopes, needs.resource, needs.delegated)) {
    return { usable: false, reason: `was not granted ${needs.delegated.join(' or ')} (${needs.what})` };
  }
  return { usable: true, warning: null };
}
