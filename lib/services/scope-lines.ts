import type { AuthType } from './auth-types';

// A Scope list as the service forms show it (one scope per line) and as it is stored (space-separated, as OAuth sends
// it), and what makes a scope unacceptable. No zod: the forms use these while a page loads, and the schemas (with zod)
// load only when a form is checked.

export const MAX_SCOPES = 30;
const MAX_SCOPE_LENGTH = 300;
const BARE_SCOPE = /^[A-Za-z][A-Za-z0-9._-]*$/;
const EWS_SCOPE = /(^|\/)(ews\.accessasuser\.all|full_access_as_app)$/i;

export const EWS_RETIRED_MESSAGE =
  'Exchange Web Services (EWS) is retired in Exchange Online: use Microsoft Graph instead ' +
  '(for example https://graph.microsoft.com/Mail.Send or Mail.ReadWrite.Shared).';

/** Why one scope is not acceptable, or null. */
export function scopeProblem(scope: string): string | null {
  if (/\s/.test(scope)) return `Put each scope on its own line: "${scope}" contains a space.`;
  if (scope.length > MAX_SCOPE_LENGTH) return `A scope is at most ${MAX_SCOPE_LENGTH} characters.`;
  if (EWS_SCOPE.test(scope)) return EWS_RETIRED_MESSAGE;
  if (BARE_SCOPE.test(scope)) return null;
  let url: URL;
  try {
    url = new URL(scope);
  } catch {
    return `"${scope}" is not a scope: use a URI such as https://graph.microsoft.com/Mail.Send or a bare scope such as offline_access.`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'api:') return `"${scope}" must start with https:// or api://.`;
  if (!url.host || url.pathname.length <= 1 || url.search || url.hash) {
    return `"${scope}" must be a resource and a permission, such as https://graph.microsoft.com/Mail.Send.`;
  }
  return null;
}

/** Splits a Scope field into scopes: one per line, blank lines ignored. */
export function splitScopeLines(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** The Scope field's text for a stored (space-separated) scope list. */
export function scopeLines(stored: string): string {
  return stored.split(' ').filter(Boolean).join('\n');
}

/**
 * Client credentials can only ask for a resource's `/.default` scope (the application permissions granted in
 * Azure); refresh tokens (`offline_access`) do not exist in that flow.
 */
export function scopesProblemFor(authType: AuthType | string, scopes: string[]): string | null {
  if (authType !== 'application') return null;
  const wrong = scopes.find((scope) => !/^(https|api):\/\/[^/\s]+\/\.default$/i.test(scope));
  return wrong
    ? `"${wrong}" cannot be used with client credentials: use the resource's /.default scope, such as https://graph.microsoft.com/.default.`
    : null;
}
