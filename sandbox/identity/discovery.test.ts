import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../testing/start-test-sandbox';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

describe('OpenID Connect discovery', () => {
  it('serves the metadata for a tenant named by GUID or by domain, with GUID-based endpoints', async () => {
    const { authorityHost, tenantId, tenantDomain } = sandbox.info;
    for (const tenant of [tenantId, tenantDomain]) {
      const response = await sandbox.fetch(`${authorityHost}/${tenant}/v2.0/.well-known/openid-configuration`);
      expect(response.status).toBe(200);
      const metadata = (await response.json()) as Record<string, string>;
      expect(metadata.issuer).toBe(`${authorityHost}/${tenantId}/v2.0`);
      expect(metadata.token_endpoint).toBe(`${authorityHost}/${tenantId}/oauth2/v2.0/token`);
      expect(metadata.authorization_endpoint).toBe(`${authorityHost}/${tenantId}/oauth2/v2.0/authorize`);
      expect(metadata.jwks_uri).toBe(`${authorityHost}/${tenantId}/discovery/v2.0/keys`);
    }
  });

  it('publishes the key that verifies the tokens it signs', async () => {
    const { authorityHost, tenantId, clientId, clientSecret } = sandbox.info;
    const keys = (await (await sandbox.fetch(`${authorityHost}/${tenantId}/discovery/v2.0/keys`)).json()) as {
      keys: { kid: string; n: string; e: string; x5c: string[] }[];
    };
    const token = (await (
      await sandbox.fetch(`${authorityHost}/${tenantId}/oauth2/v2.0/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: clientSecret,
          scope: 'https://graph.microsoft.com/.default',
        }),
      })
    ).json()) as { access_token: string };
    const [header = '', payload = '', signature = ''] = token.access_token.split('.');
    const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string };
    const jwk = keys.keys.find((k) => k.kid === kid);
    expect(jwk?.x5c).toHaveLength(1);
    const key = createPublicKey({ key: { kty: 'RSA', n: jwk?.n ?? '', e: jwk?.e ?? '' }, format: 'jwk' });
    expect(verify('sha256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'))).toBe(true);
  });

  it('answers AADSTS90002 for an unknown tenant and AADSTS900023 for a malformed one', async () => {
    const unknown = await sandbox.fetch(
      `${sandbox.info.authorityHost}/nowhere.onmicrosoft.com/v2.0/.well-known/openid-configuration`,
    );
    expect(unknown.status).toBe(400);
    const body = (await unknown.json()) as {
      error: string;
      error_description: string;
      error_codes: number[];
      trace_id: string;
      correlation_id: string;
    };
    expect(body.error).toBe('invalid_request');
    expect(body.error_description).toMatch(/^AADSTS90002: Tenant 'nowhere.onmicrosoft.com' not found\./);
    expect(body.error_codes).toEqual([90002]);
    expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.correlation_id).toMatch(/^[0-9a-f-]{36}$/);

    const malformed = await sandbox.fetch(
      `${sandbox.info.authorityHost}/not_a_tenant/v2.0/.well-known/openid-configuration`,
    );
    expect(((await malformed.json()) as { error_codes: number[] }).error_codes).toEqual([900023]);
  });

  it('answers instance discovery for its own host', async () => {
    const { authorityHost, tenantId } = sandbox.info;
    const endpoint = `${authorityHost}/${tenantId}/oauth2/v2.0/authorize`;
    const response = await sandbox.fetch(
      `${authorityHost}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(endpoint)}`,
    );
    const body = (await response.json()) as { tenant_discovery_endpoint: string; metadata: { aliases: string[] }[] };
    expect(body.tenant_discovery_endpoint).toBe(`${authorityHost}/${tenantId}/v2.0/.well-known/openid-configuration`);
    expect(body.metadata[0]?.aliases).toEqual([new URL(authorityHost).host]);
  });

  it('listens on loopback only', () => {
    expect(new URL(sandbox.info.authorityHost).hostname).toBe('127.0.0.1');
    expect(sandbox.info.smtp.host).toBe('127.0.0.1');
  });
});
