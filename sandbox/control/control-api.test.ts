import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxMessage } from './sandbox-control';
import { createMsalClient } from '../testing/create-msal-client';
import { startTestSandbox, type TestSandbox } from '../testing/start-test-sandbox';

const MEGAN = 'megan@contoso.onmicrosoft.com';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

async function control(method: string, path: string, body?: unknown) {
  const response = await sandbox.fetch(`${sandbox.controlUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

describe('the HTTP control API under /_sandbox', () => {
  it('GET /info is exactly the object the CLI prints', async () => {
    const { status, body } = await control('GET', '/info');
    expect(status).toBe(200);
    expect(body).toEqual(sandbox.info);
    expect(Object.keys(sandbox.info)).toEqual([
      'authorityHost',
      'graphBaseUrl',
      'smtp',
      'caFile',
      'tenantId',
      'tenantDomain',
      'clientId',
      'clientSecret',
      'users',
    ]);
  });

  it('puts a message into a mailbox and reads it back', async () => {
    const created = await control('POST', `/mailboxes/${MEGAN}/messages`, {
      from: 'customer@external.example',
      subject: 'Printer on fire',
      text: 'Please help.',
      attachments: [
        { name: 'photo.png', contentType: 'image/png', contentBase64: Buffer.from('png').toString('base64') },
      ],
    });
    expect(created.status).toBe(200);
    const { body } = await control('GET', `/mailboxes/${MEGAN}/messages?folder=inbox`);
    const [message] = (body as SandboxMessage[]).filter((m) => m.subject === 'Printer on fire');
    expect(message).toMatchObject({
      folder: 'Inbox',
      from: { address: 'customer@external.example' },
      text: 'Please help.',
      attachments: [{ name: 'photo.png', contentType: 'image/png', size: 3 }],
    });
    expect(message?.raw).toMatch(/^Subject: Printer on fire$/m);
  });

  it('counts token requests by grant and resets the counters', async () => {
    await control('POST', '/counters/reset');
    await createMsalClient(sandbox.info, sandbox.fetch).acquireTokenByClientCredential({
      scopes: ['https://graph.microsoft.com/.default'],
    });
    expect((await control('GET', '/counters/token/client_credentials')).body).toEqual({
      grantType: 'client_credentials',
      count: 1,
    });
    expect((await control('GET', '/counters')).body).toEqual({ 'token:client_credentials': 1 });
  });

  it('changes settings (access token lifetime) and injects throttling', async () => {
    const { body } = await control('PATCH', '/settings', { accessTokenLifetimeSeconds: 120 });
    expect(body).toMatchObject({ accessTokenLifetimeSeconds: 120 });
    const token = await createMsalClient(sandbox.info, sandbox.fetch).acquireTokenByClientCredential({
      scopes: ['https://graph.microsoft.com/.default'],
    });
    expect((token?.expiresOn?.getTime() ?? 0) - Date.now()).toBeLessThan(121_000);
    expect((await control('POST', '/throttle', { service: 'graph', count: 1, retryAfterSeconds: 2 })).status).toBe(204);
    const throttled = await sandbox.fetch(`${sandbox.info.graphBaseUrl}/v1.0/me`);
    expect(throttled.status).toBe(429);
  });

  it('gives an app a second client secret, both work until the old one is deleted (AADSTS7000215 then)', async () => {
    const clientId = sandbox.info.clientId;
    const first = (await control('POST', `/apps/${clientId}/secrets`, {})).body as { value: string; hint: string };
    const second = (await control('POST', `/apps/${clientId}/secrets`, {})).body as { value: string; hint: string };
    expect(second.value).not.toBe(first.value);
    expect(second.hint).toBe(second.value.slice(0, 3));
    const tokenWith = (clientSecret: string) =>
      createMsalClient(sandbox.info, sandbox.fetch, { clientSecret }).acquireTokenByClientCredential({
        scopes: ['https://graph.microsoft.com/.default'],
        skipCache: true,
      });
    expect((await tokenWith(first.value))?.accessToken).toBeTruthy();
    expect((await tokenWith(second.value))?.accessToken).toBeTruthy();
    expect((await control('DELETE', `/apps/${clientId}/secrets`, { value: first.value })).status).toBe(204);
    await expect(tokenWith(first.value)).rejects.toThrow(/AADSTS7000215/);
    expect((await tokenWith(second.value))?.accessToken).toBeTruthy();
    expect((await control('DELETE', `/apps/${clientId}/secrets`, { value: first.value })).status).toBe(404);
  });

  it('registers a redirect URI at run time', async () => {
    expect(
      (
        await control('POST', `/apps/${sandbox.info.clientId}/redirect-uris`, {
          uri: 'http://127.0.0.1:5173/wm/externalAuth/redirect.html',
        })
      ).status,
    ).toBe(204);
    expect((await control('GET', `/apps/${sandbox.info.clientId}/redirect-uris`)).body).toContain(
      'http://127.0.0.1:5173/wm/externalAuth/redirect.html',
    );
  });

  it('toggles mailbox settings and permissions, and answers 404 for unknown names and 400 for bad bodies', async () => {
    expect((await control('POST', `/mailboxes/${MEGAN}/smtp-auth`, { enabled: false })).status).toBe(204);
    expect((await control('POST', `/mailboxes/${MEGAN}/smtp-auth`, { enabled: true })).status).toBe(204);
    expect(
      (await control('POST', '/mailboxes/support@contoso.onmicrosoft.com/send-as', { trustee: MEGAN, allowed: true }))
        .status,
    ).toBe(204);
    expect((await control('POST', `/users/${MEGAN}/revoke-refresh-tokens`)).status).toBe(204);
    expect((await control('POST', '/users/nobody@contoso.onmicrosoft.com/revoke-refresh-tokens')).status).toBe(404);
    expect((await control('POST', `/mailboxes/${MEGAN}/smtp-auth`, { enabled: 'yes' })).status).toBe(400);
    expect((await control('POST', '/no-such-route')).status).toBe(404);
  });

  it('sets an app’s application permissions (the next token’s roles) and a service principal’s mailbox access', async () => {
    const { clientId } = sandbox.info;
    const roles = async () => {
      const token = await createMsalClient(sandbox.info, sandbox.fetch).acquireTokenByClientCredential({
        scopes: ['https://graph.microsoft.com/.default'],
      });
      const payload = (token?.accessToken ?? '').split('.')[1] ?? '';
      return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { roles?: string[] }).roles;
    };
    const graph = 'https://graph.microsoft.com';
    expect(
      (
        await control('PUT', `/apps/${clientId}/application-permissions`, {
          resource: graph,
          permissions: ['Mail.Send'],
        })
      ).status,
    ).toBe(204);
    try {
      expect(await roles()).toEqual(['Mail.Send']);
    } finally {
      await control('PUT', `/apps/${clientId}/application-permissions`, {
        resource: graph,
        permissions: ['Mail.Send', 'Mail.ReadWrite', 'User.Read.All'],
      });
    }
    expect(
      (await control('PUT', '/apps/nobody/application-permissions', { resource: graph, permissions: [] })).status,
    ).toBe(404);
    expect((await control('POST', `/mailboxes/${MEGAN}/app-full-access`, { clientId, allowed: true })).status).toBe(
      204,
    );
    expect((await control('POST', `/mailboxes/${MEGAN}/app-full-access`, { clientId: 'nobody' })).status).toBe(404);
  });
});
