import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/prisma';
import { completeAuthorization } from '@/lib/entra/complete-authorization';
import { getAccessToken } from '@/lib/entra/get-access-token';
import { startAuthorization } from '@/lib/entra/start-authorization';
import { BrowserSession } from '../../../sandbox/testing/browser-session';
import { signInWithPages } from '../../../sandbox/testing/sign-in-with-pages';
import { dumpDatabase } from '../../support/dump-database';
import { ADELE, createSandboxConnection, signInConnection, TEST_REDIRECT_URI } from '../../support/sandbox-connection';
import { sandboxSuite } from '../../support/sandbox-suite';

describe('Setup Authentication against the sandbox (SQLite)', () => {
  const suite = sandboxSuite('sqlite');

  it('signs in, stores the tokens encrypted, and records the account and granted scopes', async () => {
    const written: string[] = [];
    const capture = (stream: NodeJS.WriteStream) => {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
        written.push(String(chunk));
        return original(chunk, ...rest);
      }) as typeof stream.write;
      return () => (stream.write = original);
    };
    const restore = [capture(process.stdout), capture(process.stderr)];
    process.env.SWITCHBOARD_LOG_LEVEL = 'debug';
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'graph-mail');
    const { outcome, params } = await signInConnection(connectionId, ADELE);
    expect(outcome).toMatchObject({ ok: true, accountUsername: ADELE.username, missingScopes: [] });
    const row = await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.state).toBe('authenticated');
    expect(row.accountUsername).toBe(ADELE.username);
    expect(row.grantedScopes).toContain('https://graph.microsoft.com/Mail.Send');
    expect(row.tokenCache?.startsWith('sb1.')).toBe(true);

    const token = await getAccessToken(connectionId);
    expect(token.ok).toBe(true);
    if (!token.ok) return;
    const dump = await dumpDatabase(suite.database);
    expect(dump).not.toContain(token.accessToken);
    expect(dump).not.toContain(token.accessToken.split('.')[2]);
    expect(dump).not.toContain(suite.sandbox.info.clientSecret);
    expect(dump).not.toContain(params.get('code'));

    await getAccessToken(connectionId, { forceRefresh: true });
    restore.forEach((undo) => undo());
    delete process.env.SWITCHBOARD_LOG_LEVEL;
    const logs = written.join('');
    expect(logs).not.toMatch(/eyJ[A-Za-z0-9_-]{8,}\.eyJ/);
    expect(logs).not.toContain(suite.sandbox.info.clientSecret);
    expect(logs).not.toContain(params.get('code'));
  });

  it('refuses a replayed, a forged, an expired and a foreign-browser state without touching the connection', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'graph-mail');
    const first = await signInConnection(connectionId, ADELE);
    expect(first.outcome.ok).toBe(true);
    const before = await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } });

    const replay = await completeAuthorization({
      state: first.params.get('state'),
      code: first.params.get('code'),
      error: null,
      errorDescription: null,
      browserBinding: first.binding,
    });
    expect(replay).toMatchObject({ ok: false, kind: 'invalid-state', reason: expect.stringMatching(/already used/) });

    const forged = await completeAuthorization({
      state: 'forged-state',
      code: 'x',
      error: null,
      errorDescription: null,
      browserBinding: first.binding,
    });
    expect(forged).toMatchObject({
      ok: false,
      kind: 'invalid-state',
      reason: expect.stringMatching(/not started by this console/),
    });

    const binding = 'browser-a';
    const { url } = await startAuthorization({ connectionId, redirectUri: TEST_REDIRECT_URI, browserBinding: binding });
    const walked = await signInWithPages(new BrowserSession(fetch), url, ADELE);
    const state = walked.params.get('state');
    const foreign = await completeAuthorization({
      state,
      code: walked.params.get('code'),
      error: null,
      errorDescription: null,
      browserBinding: 'browser-b',
    });
    expect(foreign).toMatchObject({
      ok: false,
      kind: 'invalid-state',
      reason: expect.stringMatching(/another browser/),
    });

    await db().authRequest.updateMany({
      where: { connectionId, consumedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await completeAuthorization({
      state,
      code: walked.params.get('code'),
      error: null,
      errorDescription: null,
      browserBinding: binding,
    });
    expect(expired).toMatchObject({ ok: false, kind: 'invalid-state', reason: expect.stringMatching(/expired/) });

    const after = await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(after.tokenCache).toBe(before.tokenCache);
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it('explains a declined consent', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'exchange-smtp');
    const { outcome } = await signInConnection(connectionId, { ...ADELE, consent: 'Cancel' });
    expect(outcome).toMatchObject({
      ok: false,
      kind: 'microsoft',
      error: { error: 'access_denied', code: 'AADSTS65004' },
    });
    if (!outcome.ok && outcome.kind === 'microsoft') expect(outcome.error.explanation?.fix).toMatch(/Accept/);
    const row = await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.state).toBe('not_authenticated');
  });

  it('explains a wrong client secret at code redemption', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'graph-mail', {
      clientSecret: 'wrong-secret-value-123456',
    });
    const { outcome } = await signInConnection(connectionId, ADELE);
    expect(outcome).toMatchObject({ ok: false, kind: 'microsoft', error: { code: 'AADSTS7000215' } });
    const row = await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.lastError).toMatch(/AADSTS7000215/);
    expect(row.lastError).not.toContain('wrong-secret-value');
  });

  it('turns a revoked refresh token into "Needs re-authentication" with the reason, and re-authenticating restores it', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'graph-mail');
    expect((await signInConnection(connectionId, ADELE)).outcome.ok).toBe(true);
    suite.sandbox.control.revokeRefreshTokens(ADELE.username);
    const refused = await getAccessToken(connectionId, { forceRefresh: true });
    expect(refused).toMatchObject({ ok: false, reason: 'needs_reauth' });
    const row = await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.state).toBe('needs_reauth');
    expect(row.lastError).toMatch(/AADSTS50173/);

    expect((await signInConnection(connectionId, ADELE)).outcome.ok).toBe(true);
    const token = await getAccessToken(connectionId, { forceRefresh: true });
    expect(token.ok).toBe(true);
    expect((await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } })).state).toBe(
      'authenticated',
    );
  });

  it('shares one refresh among 50 concurrent callers and stores the rotated refresh token', async () => {
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'graph-mail');
    suite.sandbox.control.setAccessTokenLifetime(1);
    expect((await signInConnection(connectionId, ADELE)).outcome.ok).toBe(true);
    suite.sandbox.control.setAccessTokenLifetime(3600);
    const cacheBefore = (await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } })).tokenCache;
    suite.sandbox.control.resetCounters();

    const results = await Promise.all(Array.from({ length: 50 }, () => getAccessToken(connectionId)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(suite.sandbox.control.tokenRequestCount('refresh_token')).toBe(1);
    expect(new Set(results.map((r) => (r.ok ? r.accessToken : ''))).size).toBe(1);

    const row = await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.tokenCache).not.toBe(cacheBefore);
    expect(row.lastRefreshAt?.getTime()).toBeGreaterThan(Date.now() - 60_000);
    // What was stored is the rotated refresh token: with the sandbox refusing replaced refresh tokens (the failure
    // that made Zammad, Odoo and GLPI lose mail after 90 days), the next refresh still works, and twice more.
    suite.sandbox.control.updateSettings({ rejectRotatedRefreshTokens: true });
    try {
      for (let i = 0; i < 3; i += 1) expect((await getAccessToken(connectionId, { forceRefresh: true })).ok).toBe(true);
      expect(suite.sandbox.control.tokenRequestCount('refresh_token')).toBe(4);
    } finally {
      suite.sandbox.control.updateSettings({ rejectRotatedRefreshTokens: false });
    }
  });
});

describe('idle connections', () => {
  const suite = sandboxSuite('sqlite');

  it('refreshes a connection idle for more than a week, so its refresh token never lapses', async () => {
    const { refreshIdleConnections } = await import('@/lib/entra/refresh-idle-connections');
    const { connectionId } = await createSandboxConnection(suite.sandbox, 'graph-mail');
    expect((await signInConnection(connectionId, ADELE)).outcome.ok).toBe(true);
    const weekAgo = new Date(Date.now() - 8 * 24 * 3600_000);
    await db().serviceConnection.update({ where: { id: connectionId }, data: { lastRefreshAt: weekAgo } });
    suite.sandbox.control.resetCounters();

    expect(await refreshIdleConnections()).toEqual({ refreshed: 1, failed: 0 });
    expect(suite.sandbox.control.tokenRequestCount('refresh_token')).toBe(1);
    const row = await db().serviceConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(row.lastRefreshAt!.getTime()).toBeGreaterThan(weekAgo.getTime());
    // A fresh connection is left alone.
    expect(await refreshIdleConnections()).toEqual({ refreshed: 0, failed: 0 });
  });
});
