import type { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '../testing/create-graph-client';
import { signInUser } from '../testing/sign-in-user';
import { startTestSandbox, type TestSandbox } from '../testing/start-test-sandbox';

const SUPPORT = 'support@contoso.onmicrosoft.com';

interface DeltaPage {
  value: { id: string; subject?: string; from?: unknown; '@removed'?: { reason: string } }[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

let sandbox: TestSandbox;
let adele: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  const { result } = await signInUser(sandbox, {
    username: 'adele@contoso.onmicrosoft.com',
    password: 'Sandbox-Adele-1',
    scopes: ['https://graph.microsoft.com/Mail.ReadWrite.Shared'],
  });
  adele = createGraphClient(sandbox.info.graphBaseUrl, sandbox.fetch, async () => result.accessToken);
});
afterAll(() => sandbox.close());

/** Follows nextLinks to the deltaLink, as a mail robot does. */
async function syncRound(start: string, pageSize: number): Promise<{ pages: DeltaPage[]; deltaLink: string }> {
  const pages: DeltaPage[] = [];
  let page = (await adele.api(start).header('Prefer', `odata.maxpagesize=${pageSize}`).get()) as DeltaPage;
  pages.push(page);
  while (page['@odata.nextLink']) {
    page = (await adele
      .api(page['@odata.nextLink'])
      .header('Prefer', `odata.maxpagesize=${pageSize}`)
      .get()) as DeltaPage;
    pages.push(page);
  }
  return { pages, deltaLink: page['@odata.deltaLink'] ?? '' };
}

describe('GET /mailFolders/{id}/messages/delta on a shared mailbox', () => {
  it('syncs the folder page by page, then returns only changes and removals', async () => {
    for (let i = 1; i <= 5; i++)
      await sandbox.control.addMessage(SUPPORT, {
        from: 'customer@external.example',
        subject: `Request ${i}`,
        text: `body ${i}`,
      });

    const first = await syncRound(`/users/${SUPPORT}/mailFolders/inbox/messages/delta?$select=subject,from`, 2);
    expect(first.pages.map((p) => p.value.length)).toEqual([2, 2, 1]);
    const all = first.pages.flatMap((p) => p.value);
    expect(all.map((m) => m.subject)).toEqual(['Request 1', 'Request 2', 'Request 3', 'Request 4', 'Request 5']);
    expect(Object.keys(all[0] ?? {}).sort()).toEqual(['@odata.etag', 'from', 'id', 'subject']);
    expect(first.deltaLink).toMatch(/\/messages\/delta\?\$deltatoken=/);

    const empty = await syncRound(first.deltaLink, 10);
    expect(empty.pages[0]?.value).toEqual([]);

    await sandbox.control.addMessage(SUPPORT, { subject: 'Request 6' });
    const handled = all[0]?.id ?? '';
    await adele.api(`/users/${SUPPORT}/messages/${handled}`).patch({ isRead: true });
    const archive = (await adele.api(`/users/${SUPPORT}/mailFolders/archive`).get()) as { id: string };
    await adele.api(`/users/${SUPPORT}/messages/${all[1]?.id}/move`).post({ destinationId: archive.id });

    const changes = await syncRound(empty.deltaLink, 10);
    const values = changes.pages.flatMap((p) => p.value);
    expect(
      values
        .filter((v) => !v['@removed'])
        .map((v) => v.subject)
        .sort(),
    ).toEqual(['Request 1', 'Request 6']);
    expect(values.filter((v) => v['@removed'])).toEqual([
      { '@odata.type': '#microsoft.graph.message', id: all[1]?.id, '@removed': { reason: 'deleted' } },
    ]);
    expect(Object.keys(values.find((v) => v.subject === 'Request 6') ?? {}).sort()).toEqual([
      '@odata.etag',
      'from',
      'id',
      'subject',
    ]);
  });

  it('answers 410 SyncStateNotFound once the sync state is invalidated', async () => {
    const round = await syncRound(`/users/${SUPPORT}/mailFolders/inbox/messages/delta`, 50);
    const response = await sandbox.fetch(`${sandbox.controlUrl}/mailboxes/${SUPPORT}/invalidate-delta-tokens`, {
      method: 'POST',
    });
    expect(response.status).toBe(204);
    const error = (await adele
      .api(round.deltaLink)
      .get()
      .catch((e: unknown) => e)) as GraphError;
    expect(error).toMatchObject({ statusCode: 410, code: 'SyncStateNotFound' });
    const fresh = await syncRound(`/users/${SUPPORT}/mailFolders/inbox/messages/delta`, 50);
    expect(fresh.pages[0]?.value.length).toBeGreaterThan(0);
  });

  it('expires delta tokens after the configured lifetime', async () => {
    const round = await syncRound(`/users/${SUPPORT}/mailFolders/inbox/messages/delta`, 50);
    sandbox.control.updateSettings({ deltaTokenLifetimeSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const error = (await adele
      .api(round.deltaLink)
      .get()
      .catch((e: unknown) => e)) as GraphError;
    sandbox.control.updateSettings({ deltaTokenLifetimeSeconds: undefined });
    expect(error).toMatchObject({ statusCode: 410, code: 'SyncStateNotFound' });
  });
});
