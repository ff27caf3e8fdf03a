// Finding 2 of issue 11: the same sign-in link was started twice and both sign-ins were finished at once (the
// second account replaced the first after the link was used), and a link withdrawn while the person was at
// Microsoft's page still completed. Both sign-ins are walked through the sandbox's pages like a person would.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { completeAuthorization } from '@/lib/entra/complete-authorization';
import { createSignInLink, findUsableSignInLink, revokeSignInLinks } from '@/lib/entra/sign-in-links';
import { startAuthorization } from '@/lib/entra/start-authorization';
import { BrowserSession } from '../../../sandbox/testing/browser-session';
import { signInWithPages } from '../../../sandbox/testing/sign-in-with-pages';
import { ADELE, createSandboxConnection, TEST_REDIRECT_URI } from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';
import { PROVIDERS } from '../../support/use-database';

const MEGAN = { username: 'megan@contoso.onmicrosoft.com', password: 'Sandbox-Megan-1' };

/** What the link's start button does, then the person's walk through Microsoft's pages; returns the finishing step. */
async function startFromLink(token: string, person: { username: string; password: string }) {
  const found = await findUsableSignInLink(token);
  if (!found.ok) throw new Error(found.reason);
  const binding = crypto.randomBytes(16).toString('hex');
  const { url } = await startAuthorization({
    connectionId: found.link.connectionId,
    redirectUri: TEST_REDIRECT_URI,
    browserBinding: binding,
    signInLinkId: found.link.id,
  });
  const { params } = await signInWithPages(new BrowserSession(fetch), url, person);
  return () =>
    completeAuthorization({
      state: params.get('state'),
      code: params.get('code'),
      error: null,
      errorDescription: null,
      browserBinding: binding,
    });
}

describe.each(PROVIDERS)('sign-in links are single use while a sign-in is in flight (%s)', (provider) => {
  const suite = sandboxSuite(provider);

  it('the same link started twice and finished twice at once signs in exactly one account', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'graph-mail');
    const { token, link } = await createSignInLink(connectionId, { id: 'admin', email: 'admin@switchboard.test' });
    const finishAdele = await startFromLink(token, ADELE);
    const finishMegan = await startFromLink(token, MEGAN);
    const outcomes = await Promise.all([finishAdele(), finishMegan()]);
    const winners = outcomes.filter((o) => o.ok);
    expect(winners).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toMatchObject({
      kind: 'invalid-state',
      reason: expect.stringMatching(/already used, withdrawn or has expired/),
    });
    const row = await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.accountUsername).toBe(winners[0]?.ok ? winners[0].accountUsername : 'none');
    expect((await db().signInLink.findUniqueOrThrow({ where: { id: link.id } })).usedAt).not.toBeNull();
  });

  it('a link withdrawn by an administrator during the sign-in does not sign in', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'graph-mail');
    const { token } = await createSignInLink(connectionId, { id: 'admin', email: 'admin@switchboard.test' });
    const finish = await startFromLink(token, ADELE);
    expect(await revokeSignInLinks(connectionId)).toBe(1);
    expect(await finish()).toMatchObject({ ok: false, kind: 'invalid-state' });
    const row = await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.state).not.toBe('authenticated');
    expect(row.tokenCache).toBeNull();
  });
});
