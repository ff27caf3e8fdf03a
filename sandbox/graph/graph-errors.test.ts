import type { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '../testing/create-graph-client';
import { createMsalClient } from '../testing/create-msal-client';
import { signInUser } from '../testing/sign-in-user';
import { startTestSandbox, type TestSandbox } from '../testing/start-test-sandbox';

const ADELE = 'adele@contoso.onmicrosoft.com';
const MEGAN = 'megan@contoso.onmicrosoft.com';
const SUPPORT = 'support@contoso.onmicrosoft.com';
const send = {
  message: {
    subject: 'x',
    body: { contentType: 'Text', content: 'x' },
    toRecipients: [{ emailAddress: { address: ADELE } }],
  },
};

let sandbox: TestSandbox;
let appToken: string;
let adeleToken: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  appToken =
    (
      await createMsalClient(sandbox.info, sandbox.fetch).acquireTokenByClientCredential({
        scopes: ['https://graph.microsoft.com/.default'],
      })
    )?.accessToken ?? '';
  adeleToken = (
    await signInUser(sandbox, {
      username: ADELE,
      password: 'Sandbox-Adele-1',
      scopes: ['https://graph.microsoft.com/Mail.Send'],
    })
  ).result.accessToken;
});
afterAll(() => sandbox.close());

const graph = (token: string, maxRetries = 0): Client =>
  createGraphClient(sandbox.info.graphBaseUrl, sandbox.fetch, async () => token, { maxRetries });

async function graphError(promise: Promise<unknown>): Promise<GraphError> {
  return (await promise.then(
    () => {
      throw new Error('expected a Graph error');
    },
    (error: unknown) => error,
  )) as GraphError;
}

async function raw(path: string, init: RequestInit = {}) {
  const response = await sandbox.fetch(`${sandbox.info.graphBaseUrl}${path}`, init);
  return {
    response,
    body: (await response.json()) as { error: { code: string; message: string; innerError: Record<string, string> } },
  };
}

describe('401 InvalidAuthenticationToken', () => {
  it('for a request without a token, in Graph’s error shape', async () => {
    const { response, body } = await raw('/v1.0/me', {
      headers: { 'client-request-id': 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(body.error.code).toBe('InvalidAuthenticationToken');
    expect(body.error.message).toBe('Access token is empty.');
    expect(Object.keys(body.error.innerError)).toEqual(['date', 'request-id', 'client-request-id']);
    expect(body.error.innerError['client-request-id']).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
  });

  it('for a token for another audience (an SMTP token)', async () => {
    const smtpToken =
      (
        await createMsalClient(sandbox.info, sandbox.fetch).acquireTokenByClientCredential({
          scopes: ['https://outlook.office.com/.default'],
        })
      )?.accessToken ?? '';
    const error = await graphError(graph(smtpToken).api(`/users/${ADELE}`).get());
    expect(error).toMatchObject({
      statusCode: 401,
      code: 'InvalidAuthenticationToken',
      message: 'Access token validation failure. Invalid audience.',
    });
  });

  it('for an expired token and for a forged one', async () => {
    sandbox.control.setAccessTokenLifetime(1);
    const shortLived =
      (
        await createMsalClient(sandbox.info, sandbox.fetch).acquireTokenByClientCredential({
          scopes: ['https://graph.microsoft.com/.default'],
          skipCache: true,
        })
      )?.accessToken ?? '';
    sandbox.control.setAccessTokenLifetime(3599);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await graphError(graph(shortLived).api(`/users/${ADELE}`).get())).toMatchObject({
      statusCode: 401,
      message: 'Lifetime validation failed, the token is expired.',
    });
    const [header, payload] = appToken.split('.');
    expect(await graphError(graph(`${header}.${payload}.AAAA`).api(`/users/${ADELE}`).get())).toMatchObject({
      statusCode: 401,
      message: 'Access token validation failure.',
    });
  });
});

describe('403 and 404 from Exchange', () => {
  it('ErrorAccessDenied when the token lacks Mail.Send or Mail.Read*', async () => {
    const { result } = await signInUser(sandbox, {
      username: MEGAN,
      password: 'Sandbox-Megan-1',
      scopes: ['https://graph.microsoft.com/User.Read'],
    });
    const megan = graph(result.accessToken);
    expect(await megan.api('/me').get()).toMatchObject({ userPrincipalName: MEGAN });
    expect(await graphError(megan.api('/me/sendMail').post(send))).toMatchObject({
      statusCode: 403,
      code: 'ErrorAccessDenied',
      message: 'Access is denied. Check credentials and try again.',
    });
    expect(await graphError(megan.api('/me/mailFolders/inbox/messages').get())).toMatchObject({
      statusCode: 403,
      code: 'ErrorAccessDenied',
    });
    expect(await graphError(graph(adeleToken).api('/me/mailFolders/inbox/messages/delta').get())).toMatchObject({
      statusCode: 403,
      code: 'ErrorAccessDenied',
    });
  });

  it('ErrorSendAsDenied when sending as a mailbox without SendAs', async () => {
    const { result } = await signInUser(sandbox, {
      username: MEGAN,
      password: 'Sandbox-Megan-1',
      scopes: ['https://graph.microsoft.com/Mail.Send', 'https://graph.microsoft.com/Mail.Send.Shared'],
    });
    const megan = graph(result.accessToken);
    const viaUsers = await graphError(megan.api(`/users/${SUPPORT}/sendMail`).post(send));
    expect(viaUsers).toMatchObject({ statusCode: 403, code: 'ErrorSendAsDenied' });
    expect(viaUsers.message).toBe(
      'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account., Cannot submit message.',
    );
    const viaFrom = await graphError(
      megan.api('/me/sendMail').post({ message: { ...send.message, from: { emailAddress: { address: SUPPORT } } } }),
    );
    expect(viaFrom).toMatchObject({ statusCode: 403, code: 'ErrorSendAsDenied' });
    sandbox.control.setSendAs(SUPPORT, MEGAN, true);
    await megan.api(`/users/${SUPPORT}/sendMail`).post(send);
    sandbox.control.setSendAs(SUPPORT, MEGAN, false);
  });

  it('ErrorAccessDenied "[RAOP]" for a mailbox outside the application access policy', async () => {
    const error = await graphError(graph(appToken).api('/users/patti@contoso.onmicrosoft.com/sendMail').post(send));
    expect(error).toMatchObject({
      statusCode: 403,
      code: 'ErrorAccessDenied',
      message: 'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
    });
    sandbox.control.setApplicationAccessPolicy(sandbox.info.clientId, {
      accessRight: 'RestrictAccess',
      mailboxes: [SUPPORT],
    });
    expect(await graphError(graph(appToken).api(`/users/${MEGAN}/messages`).get())).toMatchObject({
      statusCode: 403,
      code: 'ErrorAccessDenied',
    });
    sandbox.control.setApplicationAccessPolicy(sandbox.info.clientId, null);
    await graph(appToken).api(`/users/${MEGAN}/messages`).get();
  });

  it('MailboxNotEnabledForRESTAPI for an on-premises mailbox, a user without a mailbox, or one switched off', async () => {
    for (const user of ['onprem@contoso.onmicrosoft.com', 'lidia@contoso.onmicrosoft.com']) {
      const error = await graphError(graph(appToken).api(`/users/${user}/messages`).get());
      expect(error).toMatchObject({
        statusCode: 404,
        code: 'MailboxNotEnabledForRESTAPI',
        message: 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
      });
    }
    sandbox.control.setRestEnabled(ADELE, false);
    expect(await graphError(graph(adeleToken).api('/me/sendMail').post(send))).toMatchObject({
      code: 'MailboxNotEnabledForRESTAPI',
    });
    sandbox.control.setRestEnabled(ADELE, true);
  });

  it('ErrorInvalidRecipients for a message without recipients or with an address that is not one', async () => {
    const noRecipients = await graphError(
      graph(adeleToken)
        .api('/me/sendMail')
        .post({ message: { ...send.message, toRecipients: [] } }),
    );
    expect(noRecipients).toMatchObject({
      statusCode: 400,
      code: 'ErrorInvalidRecipients',
      message: "At least one recipient is not valid., A message can't be sent because it contains no recipients.",
    });
    const unresolved = await graphError(
      graph(adeleToken)
        .api('/me/sendMail')
        .post({ message: { ...send.message, toRecipients: [{ emailAddress: { address: 'megan' } }] } }),
    );
    expect(unresolved).toMatchObject({ statusCode: 400, code: 'ErrorInvalidRecipients' });
  });

  it('InvalidInternetMessageHeader for a header not named x-, InvalidInternetMessageHeaderCollection past five', async () => {
    const headers = (names: string[]) => names.map((name) => ({ name, value: 'v' }));
    const standard = await graphError(
      graph(adeleToken)
        .api('/me/sendMail')
        .post({ message: { ...send.message, internetMessageHeaders: headers(['X-Ok', 'In-Reply-To']) } }),
    );
    expect(standard).toMatchObject({
      statusCode: 400,
      code: 'InvalidInternetMessageHeader',
      message: "The internet message header name 'In-Reply-To' should start with 'x-' or 'X-'.",
    });
    const six = await graphError(
      graph(adeleToken)
        .api('/me/sendMail')
        .post({
          message: { ...send.message, internetMessageHeaders: headers(['X-1', 'X-2', 'X-3', 'X-4', 'X-5', 'X-6']) },
        }),
    );
    expect(six).toMatchObject({ statusCode: 400, code: 'InvalidInternetMessageHeaderCollection' });
    await graph(adeleToken)
      .api('/me/sendMail')
      .post({ message: { ...send.message, internetMessageHeaders: headers(['X-1', 'x-2', 'X-3', 'X-4', 'X-5']) } });
  });

  it('413 for a request over 4 MB', async () => {
    const attachment = {
      '@odata.type': '#microsoft.graph.fileAttachment',
      name: 'big.bin',
      contentBytes: Buffer.alloc(3 * 1024 * 1024 + 1024).toString('base64'),
    };
    const tooLarge = await graphError(
      graph(adeleToken)
        .api('/me/sendMail')
        .post({ message: { ...send.message, attachments: [attachment] } }),
    );
    expect(tooLarge).toMatchObject({ statusCode: 413, code: 'RequestEntityTooLarge' });
  });

  it('ErrorInvalidUser for an unknown mailbox, BadRequest for /me with an app token', async () => {
    expect(
      await graphError(graph(appToken).api('/users/nobody@contoso.onmicrosoft.com/sendMail').post(send)),
    ).toMatchObject({ statusCode: 404, code: 'ErrorInvalidUser' });
    expect(await graphError(graph(appToken).api('/me').get())).toMatchObject({
      statusCode: 400,
      message: '/me request is only valid with delegated authentication flow.',
    });
    expect(await graphError(graph(appToken).api(`/users/${ADELE}/calendars`).get())).toMatchObject({
      statusCode: 400,
      code: 'BadRequest',
      message: "Resource not found for the segment 'calendars'.",
    });
  });
});

describe('429 throttling', () => {
  it('answers 429 with Retry-After and Graph’s error body', async () => {
    sandbox.control.injectThrottle({ service: 'graph', count: 1, retryAfterSeconds: 3 });
    const { response, body } = await raw(`/v1.0/users/${ADELE}`, { headers: { authorization: `Bearer ${appToken}` } });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(body.error.code).toBe('ApplicationThrottled');
    expect(body.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('is retried by the Graph client after Retry-After', async () => {
    sandbox.control.injectThrottle({ service: 'graph', count: 1, retryAfterSeconds: 1 });
    sandbox.control.resetCounters();
    const started = Date.now();
    await graph(appToken, 3).api(`/users/${ADELE}`).get();
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(sandbox.control.counters()['graph:request']).toBe(2);
  });
});
