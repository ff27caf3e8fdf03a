import type { UserRecord } from '../store/directory';
import type { GraphCall } from './graph-call';
import { graphErrors } from './graph-error';
import { readSelect } from './odata-query';

// GET /me and GET /users/{id|userPrincipalName}: the directory's user, readable with User.Read (own
// profile), User.ReadBasic.All / User.Read.All (others) or the User.Read.All app role.

const OWN = ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'];
const OTHERS = ['User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'];
const APP = ['User.Read.All', 'Directory.Read.All'];

function userResource(user: UserRecord): Record<string, unknown> {
  return {
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName ?? null,
    jobTitle: null,
    mail: user.mailbox ? user.address : null,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
    surname: user.surname ?? null,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
  };
}

export function getUser(call: GraphCall): void {
  const { principal, context } = call;
  let user: UserRecord | undefined;
  if (call.target === 'me') {
    if (principal.kind !== 'delegated') throw graphErrors.meNeedsDelegatedToken();
    user = principal.user;
  } else {
    user = context.directory.findUser(principal.tenant, call.target);
  }
  const own = principal.kind === 'delegated' && user?.id === principal.user.id;
  const accepted = principal.kind === 'application' ? APP : own ? OWN : OTHERS;
  const held = principal.kind === 'application' ? principal.roles : principal.scopes;
  if (!accepted.some((p) => held.has(p))) throw graphErrors.insufficientPrivileges();
  if (!user) throw graphErrors.userNotFound(call.target);
  const full = userResource(user);
  const select = readSelect(call.exchange.url.searchParams);
  const body: Record<string, unknown> = { '@odata.context': `${call.root}/$metadata#users/$entity` };
  for (const [key, value] of Object.entries(full)) {
    if (!select || select.some((s) => s.toLowerCase() === key.toLowerCase())) body[key] = value;
  }
  call.json(200, body);
}
