'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminCallAction } from '@/lib/actions/admin-call-action';
import { adminAction } from '@/lib/actions/define-action';
import { checkSetupAuthentication } from '@/lib/connections/check-setup-authentication';
import { createConnection } from '@/lib/connections/create-connection';
import { createConnectionSchema } from '@/lib/connections/schemas';
import { disconnectConnection } from '@/lib/connections/disconnect-connection';
import { type ConnectionAuthStatus, getConnectionAuthStatus } from '@/lib/connections/get-connection-auth-status';
import { getRedirectUri } from '@/lib/connections/get-redirect-uri';
import { issueSignInLink } from '@/lib/connections/issue-sign-in-link';
import { ensureBrowserBinding } from '@/lib/entra/browser-binding';
import { revokeSignInLinks, SIGN_IN_LINK_PATH } from '@/lib/entra/sign-in-links';
import { startAuthorization } from '@/lib/entra/start-authorization';
import { type ConnectionTestResult, testConnection } from '@/lib/composition/test-connection';

// Setup Authentication and the per-connection actions. Called from client components with a connection id, so
// they answer with plain values (never a token, a code or a secret). Called by hand (not from the page), they get
// any value and maybe no session: neither may end in a 500. No session redirects to /login, and an id that is not
// one is answered as an unknown page.

export type StartResult =
  { ok: true; url: string } | { ok: false; message: string; code?: string | null; meaning?: string; fix?: string };

// Ids are cuids: a NUL byte or other odd characters never reach the database (PostgreSQL refuses NUL in text).
const byId = z.tuple([z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)]);
const failed = (message: string) => ({ ok: false as const, message });

// POST (action) - Setup Authentication / Re-authenticate: check the app registration, then Microsoft's sign-in URL
export const startSetupAuthenticationAction = adminCallAction(
  {
    args: byId,
    // A stopped start is recorded under the sign-in's own event, as Microsoft's refusal on the redirect page is.
    audit: {
      action: (_, outcome) => (outcome === 'failure' ? 'connection.authenticate' : 'connection.authenticate.start'),
      target: 'connection',
    },
    failed: (message): StartResult => failed(message),
  },
  async ([connectionId], ctx): Promise<StartResult> => {
    ctx.audit.target = connectionId;
    const checked = await checkSetupAuthentication(connectionId);
    if (!checked.ok) {
      const { name, microsoftCode, ...answer } = checked;
      if (microsoftCode) ctx.audit.summary = `Setup Authentication for '${name}' stopped: ${microsoftCode}`;
      return answer;
    }
    const { url } = await startAuthorization({
      connectionId,
      redirectUri: (await getRedirectUri()).uri,
      browserBinding: await ensureBrowserBinding(),
      administratorId: ctx.admin.id,
    });
    ctx.audit.summary = `Setup Authentication started for '${checked.name}'`;
    return { ok: true, url };
  },
);

// What the form shows about the sign-in while the popup is open: a read, not audited.
export const getConnectionAuthStatusAction = adminCallAction(
  { args: byId, audit: null, failed: (): ConnectionAuthStatus | null => null },
  async ([connectionId]) => getConnectionAuthStatus(connectionId),
);

// POST (action) - Test: a token, then a call that proves it works
export const testConnectionAction = adminCallAction(
  {
    args: byId,
    audit: { action: 'connection.test', target: 'connection' },
    failed: (message): ConnectionTestResult => ({ ok: false, summary: message, details: [] }),
  },
  async ([connectionId], ctx) => {
    ctx.audit.target = connectionId;
    const result = await testConnection(connectionId);
    ctx.audit.summary = `Connection tested: ${result.summary}`;
    revalidatePath(`/integration/service-connections/connections/${connectionId}`);
    return result;
  },
);

// POST (action) - Disconnect: forget the tokens and the account
export const disconnectConnectionAction = adminCallAction(
  {
    args: byId,
    audit: { action: 'connection.disconnect', target: 'connection' },
    failed: (message): { ok: boolean; message: string } => failed(message),
  },
  async ([connectionId], ctx) => {
    ctx.audit.target = connectionId;
    const name = await disconnectConnection(connectionId);
    if (!name) return failed('The connection no longer exists.');
    ctx.audit.summary = `Connection '${name}' disconnected: tokens dropped`;
    revalidatePath('/integration/service-connections/connections');
    return { ok: true, message: 'Disconnected. The stored sign-in was deleted.' };
  },
);

type SignInLinkResult = { ok: true; url: string; expiresAt: string } | { ok: false; message: string };

// POST (action) - Send sign-in link: a single-use link for a mailbox user, shown once
export const createSignInLinkAction = adminCallAction(
  {
    args: byId,
    audit: { action: 'connection.sign_in_link.create', target: 'connection' },
    failed: (message): SignInLinkResult => failed(message),
  },
  async ([connectionId], ctx): Promise<SignInLinkResult> => {
    ctx.audit.target = connectionId;
    const issued = await issueSignInLink(connectionId, ctx.admin);
    if (!issued.ok) return issued;
    const origin = new URL((await getRedirectUri()).uri).origin;
    ctx.audit.summary = `Sign-in link created for '${issued.name}' (expires ${issued.expiresAt.toISOString()})`;
    return { ok: true, url: `${origin}${SIGN_IN_LINK_PATH}${issued.token}`, expiresAt: issued.expiresAt.toISOString() };
  },
);

// POST (action) - withdraw every unused sign-in link of the connection
export const revokeSignInLinksAction = adminCallAction(
  {
    args: byId,
    audit: { action: 'connection.sign_in_link.revoke', target: 'connection' },
    failed: (message): { ok: boolean; message: string } => failed(message),
  },
  async ([connectionId], ctx) => {
    ctx.audit.target = connectionId;
    const count = await revokeSignInLinks(connectionId);
    ctx.audit.summary = `${count} sign-in link(s) withdrawn`;
    return {
      ok: true,
      message: count === 1 ? 'One sign-in link was withdrawn.' : `${count} sign-in links were withdrawn.`,
    };
  },
);

// POST (action) - Setup Authentication on a connection not saved yet: save it first, and stay on the form
export const saveConnectionBeforeSignInAction = adminAction(
  createConnectionSchema,
  { action: 'connection.create', target: 'connection' },
  async (input, ctx) => {
    const result = await createConnection(input);
    if (!result.ok)
      return {
        status: 'error',
        message: result.message ?? 'Check the highlighted fields.',
        fieldErrors: result.fieldErrors,
      };
    ctx.audit.target = result.id;
    ctx.audit.summary = `Service connection ${result.name} added (saved to start Setup Authentication)`;
    ctx.audit.details = {
      name: result.name,
      service: result.serviceName,
      tenant: result.tenantName,
      nameCustomized: input.nameCustomized,
    };
    revalidatePath('/integration/service-connections/connections');
    return { status: 'success', values: { id: result.id, name: result.name } };
  },
);
