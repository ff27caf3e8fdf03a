// The one action wrapper (issue 12 §3), run as a form post or a client component's call runs it: a real session in
// the test database, the declared audit event written after the handler — once, with the outcome the answer has —
// and a thrown failure answered and audited with a correlation id, never with the error's text.
import { redirect } from 'next/navigation';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { revokeSignInLinksAction } from '@/app/(console)/integration/service-connections/connections/auth-actions';
import { setOptionalCapabilityAction } from '@/app/(console)/integration/service-connections/connections/capability-actions';
import { deleteTenantAction } from '@/app/(console)/integration/service-connections/tenants/actions';
import { adminCallAction } from '@/lib/actions/admin-call-action';
import { adminAction } from '@/lib/actions/define-action';
import { db } from '@/lib/db/prisma';
import { createSandboxConnection } from '../../support/sandbox-connection';
import { PROVIDERS, type TestDatabase, useFreshDatabase } from '../../support/use-database';
import { signInAsAdministrator, signOutForTests } from '../security/fuzz-session';
import { form, submit } from '../service-connections/request-context';

vi.mock('next/headers', async () => (await import('../security/fuzz-session')).nextHeadersMock);
vi.mock('next/cache', async () => (await import('../service-connections/request-context')).nextCacheMock);

const SECRET = 'sk-live-do-not-log-7f3a9c';
const schema = z.object({ name: z.string().min(1), mode: z.enum(['ok', 'refuse', 'typo', 'throw', 'close']) });

// A stand-in for any form action: its handler only says what happened; the wrapper writes the entry.
const renameWidget = adminAction(schema, { action: 'widget.rename', target: 'widget' }, async ({ name, mode }, ctx) => {
  ctx.audit.target = `widget-${name}`;
  if (mode === 'refuse') return { status: 'error', message: 'This widget is in use.' };
  if (mode === 'typo')
    return {
      status: 'error',
      message: 'Check the highlighted fields.',
      fieldErrors: { name: 'A widget with this name already exists' },
    };
  if (mode === 'throw') throw new Error(`connect ECONNREFUSED while sending ${SECRET}`);
  ctx.audit.summary = `Widget renamed to ${name}`;
  ctx.audit.details = { name, clientSecret: SECRET };
  if (mode === 'close') redirect('/widgets');
  return { status: 'success', message: 'Saved.' };
});

// And a stand-in for an action a client component calls with plain arguments.
type Answer = { ok: boolean; message: string };
const testWidget = adminCallAction(
  {
    args: z.tuple([z.string(), z.boolean()]),
    audit: { action: 'widget.test', target: 'widget' },
    failed: (message: string): Answer => ({ ok: false, message }),
  },
  async ([id, fail], ctx): Promise<Answer> => {
    ctx.audit.target = id;
    if (fail) throw new Error(`token ${SECRET} refused`);
    ctx.audit.summary = 'Widget tested';
    return { ok: true, message: 'Works.' };
  },
);

const entries = (action: string) => db().auditEvent.findMany({ where: { action }, orderBy: { createdAt: 'asc' } });

describe.each(PROVIDERS)('the audited action wrapper on %s', (provider) => {
  let database: TestDatabase;
  let admin: { id: string; email: string };
  beforeAll(async () => {
    database = await useFreshDatabase(provider);
    admin = await signInAsAdministrator();
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(async () => database.cleanup());

  it('audits a successful action once, with outcome success, the declared event, the handler’s summary and no secret', async () => {
    expect(await submit(renameWidget, { name: 'alpha', mode: 'ok' })).toMatchObject({
      status: 'success',
      message: 'Saved.',
    });
    const [entry, ...more] = await entries('widget.rename');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      outcome: 'success',
      targetType: 'widget',
      targetId: 'widget-alpha',
      summary: 'Widget renamed to alpha',
      actorId: admin.id,
      actorEmail: admin.email,
      ipAddress: '198.51.100.9',
    });
    expect(JSON.stringify(entry)).not.toContain(SECRET);
  });

  it('audits a redirect (Save & Close) as a success and still redirects', async () => {
    expect((await submit(renameWidget, { name: 'closed', mode: 'close' })).redirectedTo).toBe('/widgets');
    expect(
      await db().auditEvent.count({
        where: {
          action: 'widget.rename',
          targetId: 'widget-closed',
          outcome: 'success',
          summary: 'Widget renamed to closed',
        },
      }),
    ).toBe(1);
  });

  it('audits a handler that answers with an error state as a failure, with its reason', async () => {
    expect(await submit(renameWidget, { name: 'beta', mode: 'refuse' })).toMatchObject({
      status: 'error',
      message: 'This widget is in use.',
    });
    const found = await db().auditEvent.findMany({ where: { action: 'widget.rename', targetId: 'widget-beta' } });
    expect(found.map((e) => [e.outcome, e.summary])).toEqual([['failure', 'Refused: This widget is in use.']]);
  });

  it('sends a form back to fix its fields without an audit entry, as one that did not parse', async () => {
    const before = await db().auditEvent.count();
    expect((await submit(renameWidget, { name: 'gamma', mode: 'typo' })).fieldErrors).toEqual({
      name: 'A widget with this name already exists',
    });
    expect((await submit(renameWidget, { name: '', mode: 'ok' })).status).toBe('error');
    expect(await db().auditEvent.count()).toBe(before);
  });

  it('answers a thrown failure with a correlation id, logs it with that id and audits it as a failure, with nothing secret', async () => {
    const logged: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
    const answer = await submit(renameWidget, { name: 'delta', mode: 'throw' });
    expect(answer.status).toBe('error');
    const id = /^Something went wrong \(id ([0-9a-f]{8})\)\. Nothing was changed\.$/.exec(answer.message ?? '')?.[1];
    expect(id, answer.message).toBeTruthy();
    expect(JSON.stringify(answer)).not.toContain(SECRET);
    expect(logged.find((line) => line.includes('"action.failed"'))).toContain(id);

    const found = await db().auditEvent.findMany({ where: { action: 'widget.rename', targetId: 'widget-delta' } });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      outcome: 'failure',
      summary: `Failed unexpectedly (id ${id}); nothing was changed`,
      actorId: admin.id,
    });
    expect(JSON.stringify(found[0])).not.toContain(SECRET);
    expect(JSON.stringify(found[0])).not.toContain('ECONNREFUSED');
  });

  it('a client-called action: success audited once; a throw answered in its own shape with a correlation id and audited', async () => {
    expect(await testWidget('w1', false)).toEqual({ ok: true, message: 'Works.' });
    const failed = await testWidget('w2', true);
    expect(failed).toEqual({
      ok: false,
      message: expect.stringMatching(/^Something went wrong \(id [0-9a-f]{8}\)\. Nothing was changed\.$/),
    });
    const found = await entries('widget.test');
    expect(found.map((e) => [e.targetId, e.outcome])).toEqual([
      ['w1', 'success'],
      ['w2', 'failure'],
    ]);
    expect(found[1]?.summary).toContain(/id ([0-9a-f]{8})/.exec(failed.message)?.[1]);
    expect(JSON.stringify(found)).not.toContain(SECRET);
  });

  it('the converted actions write their declared events: a refusal as a failure, a client call as a success', async () => {
    const { connectionId, tenantId } = await createSandboxConnection(
      {
        info: {
          authorityHost: 'https://127.0.0.1:9',
          graphBaseUrl: 'https://127.0.0.1:9',
          tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
          clientId: '0d7a1f00-0000-4000-8000-000000000001',
          clientSecret: SECRET,
        },
      } as never,
      'graph-mail',
    );
    // The tenant is in use: deleting it is refused, and audited as today.
    expect(await submit(deleteTenantAction, { id: tenantId })).toMatchObject({ status: 'error' });
    expect(
      await db().auditEvent.count({ where: { action: 'tenant.delete', targetId: tenantId, outcome: 'failure' } }),
    ).toBe(1);

    expect(await revokeSignInLinksAction(connectionId)).toEqual({
      ok: true,
      message: '0 sign-in links were withdrawn.',
    });
    expect(
      await db().auditEvent.findFirstOrThrow({
        where: { action: 'connection.sign_in_link.revoke', targetId: connectionId },
      }),
    ).toMatchObject({ outcome: 'success', summary: '0 sign-in link(s) withdrawn', actorId: admin.id });

    const refused = await setOptionalCapabilityAction(connectionId, 'no-such-capability', true);
    expect(refused.ok).toBe(false);
    expect(
      await db().auditEvent.count({
        where: { action: 'connection.capability', targetId: connectionId, outcome: 'failure' },
      }),
    ).toBe(1);
    expect(JSON.stringify(await db().auditEvent.findMany())).not.toContain(SECRET);
  });

  it('without a session: a form answers “session ended”, a client call goes to /login or answers in place; nothing is audited', async () => {
    const before = await db().auditEvent.count();
    signOutForTests();
    expect(await renameWidget({ status: 'idle' }, form({ name: 'x', mode: 'ok' }))).toEqual({
      status: 'error',
      message: 'Your session has ended. Sign in again.',
    });
    await expect(testWidget('w3', false)).rejects.toMatchObject({
      digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/login/),
    });
    expect(await setOptionalCapabilityAction('c', 'k', true)).toEqual({
      ok: false,
      message: 'Your session has ended. Sign in again.',
    });
    expect(await db().auditEvent.count()).toBe(before);
    admin = await signInAsAdministrator();
  });
});
