import { createHash, createPrivateKey, randomUUID, sign, X509Certificate, constants } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRecord } from '../store/directory';
import { TokenStore } from '../store/token-store';
import { createMsalClient } from '../testing/create-msal-client';
import { entraDescription, rejection } from '../testing/msal-errors';
import { startTestSandbox, type TestSandbox } from '../testing/start-test-sandbox';
import { issueCertificateAuthority } from '../tls/issue-certificate';
import { checkClientAssertion } from './check-client-assertion';
import { decodeJwtClaims } from './token-signer';

// private_key_jwt: the check itself (time range, replay, keys, audience) and MSAL Node signing through the sandbox.

const registered = issueCertificateAuthority();
const stranger = issueCertificateAuthority();
const CLIENT = '11111111-2222-3333-4444-555555555555';
const AUD = 'https://127.0.0.1:1/tenant/oauth2/v2.0/token';

function app(): AppRecord {
  return {
    clientId: CLIENT,
    displayName: 'Mailer',
    tenantId: 't',
    secrets: [],
    certificates: [{ pem: registered.certPem }],
    redirectUris: [],
    delegatedPermissions: {},
    applicationPermissions: {},
    adminConsentGranted: false,
  };
}

function sha256Thumbprint(certPem: string): string {
  return createHash('sha256').update(new X509Certificate(certPem).raw).digest('base64url');
}

function assertion(
  keyPem: string,
  certPem: string,
  claims: Record<string, unknown> = {},
  alg: 'PS256' | 'RS256' = 'PS256',
): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg, typ: 'JWT', 'x5t#S256': sha256Thumbprint(certPem) };
  const payload = { aud: AUD, iss: CLIENT, sub: CLIENT, jti: randomUUID(), nbf: now, exp: now + 600, ...claims };
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  const key = createPrivateKey(keyPem);
  const signature =
    alg === 'RS256'
      ? sign('sha256', Buffer.from(input), key)
      : sign('sha256', Buffer.from(input), { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  return `${input}.${signature.toString('base64url')}`;
}

function check(token: string, store = new TokenStore(), now?: number) {
  return checkClientAssertion({
    app: app(),
    assertion: token,
    clientId: CLIENT,
    audiences: [AUD],
    useJti: (jti, until) => store.useAssertionId(CLIENT, jti, until),
    now,
  });
}

describe('checkClientAssertion', () => {
  it('accepts PS256 and RS256 assertions signed with the registered certificate', () => {
    expect(check(assertion(registered.keyPem, registered.certPem))).toBeUndefined();
    expect(check(assertion(registered.keyPem, registered.certPem, {}, 'RS256'))).toBeUndefined();
  });

  it('refuses an expired assertion, and one not yet valid, with AADSTS700024', () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = check(assertion(registered.keyPem, registered.certPem, { nbf: past - 600, exp: past }));
    expect(expired?.message).toMatch(/^AADSTS700024: Client assertion is not within its valid time range\./);
    const future = Math.floor(Date.now() / 1000) + 3600;
    expect(check(assertion(registered.keyPem, registered.certPem, { nbf: future, exp: future + 600 }))?.code).toBe(
      700024,
    );
  });

  it('refuses a replayed jti while the assertion lives', () => {
    const store = new TokenStore();
    const token = assertion(registered.keyPem, registered.certPem);
    expect(check(token, store)).toBeUndefined();
    expect(check(token, store)?.message).toMatch(/^AADSTS50027: .*jti was already used/);
  });

  it('refuses an unregistered certificate and a forged signature with AADSTS700027', () => {
    const unknown = check(assertion(stranger.keyPem, stranger.certPem));
    expect(unknown?.code).toBe(700027);
    expect(unknown?.message).toMatch(/not registered on application\. \[Reason - The key was not found\./);
    // Names the registered certificate but is signed with another key.
    expect(check(assertion(stranger.keyPem, registered.certPem))?.message).toBe(
      'AADSTS700027: Client assertion failed signature validation.',
    );
  });

  it('refuses another audience (AADSTS700023) and another issuer (AADSTS700021)', () => {
    expect(check(assertion(registered.keyPem, registered.certPem, { aud: 'https://elsewhere/token' }))?.code).toBe(
      700023,
    );
    expect(check(assertion(registered.keyPem, registered.certPem, { iss: randomUUID() }))?.code).toBe(700021);
  });

  it('refuses a header without thumbprint and a token that is not a JWT (AADSTS50027)', () => {
    expect(check('not-a-jwt')?.code).toBe(50027);
  });
});

describe('client assertions at the token endpoint', () => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  it('issues tokens to MSAL Node signing with a certificate registered through the control API', async () => {
    const { thumbprintSha256 } = sandbox.control.addCertificate(sandbox.info.clientId, registered.certPem);
    const msal = createMsalClient(sandbox.info, sandbox.fetch, {
      clientCertificate: { thumbprintSha256, privateKey: registered.keyPem, x5c: registered.certPem },
    });
    const result = await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    expect(decodeJwtClaims(result?.accessToken ?? '')).toMatchObject({ appid: sandbox.info.clientId, idtyp: 'app' });
    sandbox.control.removeCertificates(sandbox.info.clientId);
  });

  it('registers a certificate through the HTTP control API, as a console under test does', async () => {
    const post = await sandbox.fetch(`${sandbox.controlUrl}/apps/${sandbox.info.clientId}/certificates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pem: registered.certPem }),
    });
    expect(post.status).toBe(200);
    const { thumbprintSha256 } = (await post.json()) as { thumbprintSha256: string };
    const msal = createMsalClient(sandbox.info, sandbox.fetch, {
      clientCertificate: { thumbprintSha256, privateKey: registered.keyPem },
    });
    await expect(
      msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }),
    ).resolves.toBeTruthy();
    const removed = await sandbox.fetch(`${sandbox.controlUrl}/apps/${sandbox.info.clientId}/certificates`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
  });

  it('answers AADSTS700027 for a certificate the app does not have', async () => {
    const thumbprintSha256 = createHash('sha256').update(new X509Certificate(stranger.certPem).raw).digest('hex');
    const msal = createMsalClient(sandbox.info, sandbox.fetch, {
      clientCertificate: { thumbprintSha256, privateKey: stranger.keyPem },
    });
    const error = await rejection(
      msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }),
    );
    expect(entraDescription(error)).toMatch(/^AADSTS700027: The certificate with identifier used to sign/);
  });
});
