'use server';
import { revalidatePath } from 'next/cache';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { adminAction } from '@/lib/actions/define-action';
import { requireAdmin } from '@/lib/auth/current-admin';
import { createConnection } from '@/lib/connections/create-connection';
import { createConnectionSchema } from '@/lib/connections/schemas';
import { recordAuditEvent } from '@/lib/audit/record-audit-event';
import { disconnectConnection } from '@/lib/connections/disconnect-connection';
import { type ConnectionAuthStatus, getConnectionAuthStatus } from '@/lib/connections/get-connection-auth-status';
import { getRedirectUri } from '@/lib/connections/get-redirect-uri';
import { db } from '@/lib/db/prisma';
import { ensureBrowserBinding } from '@/lib/entra/browser-binding';
import { createSignInLink, revokeSignInLinks, SIGN_IN_LINK_PATH } from '@/lib/entra/sign-in-links';
import { startAuthorization } from '@/lib/entra/start-authorization';
import { type ConnectionTestResult, testConnection } from '@/lib/composition/test-connection';
import { verifyTenantCredentials } from '@/lib/entra/verify-tenant-credentials';
import { requestContext } from '@/lib/http/client-address';

// Setup Authentication and the per-connection actions. Called from client components with a connection id, so
// each checks the session itself and answers with plain values (never a token, a code or a secret).

export type StartResult =
  | { ok: true; url: string }
  | { ok: false; message: string; code?: string | null; meaning?: string; fix?: string };

// Ids are cuids: a NUL byte or other odd characters never reach the database (PostgreSQL refuses NUL in text).
const connectionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

// Called by hand (not from the page), these get any value and maybe no session: neither may end in a 500. No
// session redirects to /login, and an id that is not one is answered as an unknown page.
async function admin() {
  return requireAdmin();
}

async function idOf(value: unknown): Promise<string> {
  await admin();
  const parsed = connectionIdSchema.safeParse(value);
  if (!parsed.success) notFound();
  return parsed.data;
}

async function audit(action: string, connectionId: string, summary: string, outcome: 'success' | 'failure' = 'success') {
  const current = await admin();
  await recordAuditEvent({ actor: { id: current.id, email: current.email }, action, target: { type: 'connection', id: connectionId }, summary, outcome, ...(await requestContext()) });
}

// POST (action) - Setup Authentication / Re-authenticate: check the app registration, then Microsoft's sign-in URL
export async function startSetupAuthenticationAction(connectionId: string): Promise<StartResult> {
  connectionId = await idOf(connectionId);
  const current = await admin();
  const connection = await db().serviceConnection.findUnique({ where: { id: connectionId }, select: { name: true, tenantId: true, service: { select: { authType: true } } } });
  if (!connection) return { ok: false, message: 'The connection no longer exists.' };
  if (connection.service.authType === 'application') {
    return { ok: false, message: 'This service uses client credentials (application permissions): nobody signs in. Use Test to check it.' };
  }
  // Unknown tenant, unknown app and a wrong or expired secret are caught here, before anyone types a password.
  const verified = await verifyTenantCredentials(connection.tenantId);
  if (!verified.ok) {
    const { error } = verified;
    await audit('connection.authenticate', connectionId, `Setup Authentication for '${connection.name}' stopped: ${error.code ?? error.error}`, 'failure');
    return { ok: false, message: error.description || error.error, code: error.code, meaning: error.explanation?.meaning, fix: error.explanation?.fix };
  }
  const { url } = await startAuthorization({
    connectionId,
    redirectUri: (await getRedirectUri()).uri,
    browserBinding: await ensureBrowserBinding(),
    administratorId: current.id,
  });
  await audit('connection.authenticate.start', connectionId, `Setup Authentication started for '${connection.name}'`);
  return { ok: true, url };
}

export async function getConnectionAuthStatusAction(connectionId: string): Promise<ConnectionAuthStatus | null> {
  connectionId = await idOf(connectionId);
  return getConnectionAuthStatus(connectionId);
}

// POST (action) - Test: a token, then a call that proves it works
export async function testConnectionAction(connectionId: string): Promise<ConnectionTestResult> {
  connectionId = await idOf(connectionId);
  const result = await testConnection(connectionId);
  await audit('connection.test', connectionId, `Connection tested: ${result.summary}`, result.ok ? 'success' : 'failure');
  revalidatePath(`/integration/service-connections/connections/${connectionId}`);
  return result;
}

// POST (action) - Disconnect: forget the tokens and the account
export async function disconnectConnectionAction(connectionId: string): Promise<{ ok: boolean; message: string }> {
  connectionId = await idOf(connectionId);
  const name = await disconnectConnection(connectionId);
  if (!name) return { ok: false, message: 'The connection no longer exists.' };
  await audit('connection.disconnect', connectionId, `Connection '${name}' disconnected: tokens dropped`);
  revalidatePath('/integration/service-connections/connections');
  return { ok: true, message: 'Disconnected. The stored sign-in was deleted.' };
}

// POST (action) - Send sign-in link: a single-use link for a mailbox user, shown once
export async function createSignInLinkAction(connectionId: string): Promise<{ ok: true; url: string; expiresAt: string } | { ok: false; message: string }> {
  connectionId = await idOf(connectionId);
  const current = await admin();
  const connection = await db().serviceConnection.findUnique({ where: { id: connectionId }, select: { name: true, service: { select: { authType: true } } } });
  if (!connection) return { ok: false, message: 'The connection no longer exists.' };
  if (connection.service.authType === 'application') return { ok: false, message: 'This service uses client credentials: nobody needs to sign in.' };
  const { token, link } = await createSignInLink(connectionId, current);
  const origin = new URL((await getRedirectUri()).uri).origin;
  await audit('connection.sign_in_link.create', connectionId, `Sign-in link created for '${connection.name}' (expires ${link.expiresAt.toISOString()})`);
  return { ok: true, url: `${origin}${SIGN_IN_LINK_PATH}${token}`, expiresAt: link.expiresAt.toISOString() };
}

// POST (action) - withdraw every unused sign-in link of the connection
export async function revokeSignInLinksAction(connectionId: string): Promise<{ ok: true; message: string }> {
  connectionId = await idOf(connectionId);
  const count = await revokeSignInLinks(connectionId);
  await audit('connection.sign_in_link.revoke', connectionId, `${count} sign-in link(s) withdrawn`);
  return { ok: true, message: count === 1 ? 'One sign-in link was withdrawn.' : `${count} sign-in links were withdrawn.` };
}

// POST (action) - Setup Authentication on a connection not saved yet: save it first, and stay on the form
export const saveConnectionBeforeSignInAction = adminAction(createConnectionSchema, async (input, ctx) => {
  const result = await createConnection(input);
  if (!result.ok) return { status: 'error', message: result.message ?? 'Check the highlighted fields.', fieldErrors: result.fieldErrors };
  await ctx.audit({
    action: 'connection.create',
    target: { type: 'connection', id: result.id },
    summary: `Service connection ${result.name} added (saved to start Setup Authentication)`,
    details: { name: result.name, service: result.serviceName, tenant: result.tenantName, nameCustomized: input.nameCustomized },
  });
  revalidatePath('/integration/service-connections/connections');
  return { status: 'success', values: { id: result.id, name: result.name } };
});
