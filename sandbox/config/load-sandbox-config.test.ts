import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import defaultConfig from '../default-config.json';
import { loadSandboxConfig } from './load-sandbox-config';
import type { SandboxConfig } from './sandbox-config-schema';

describe('loadSandboxConfig', () => {
  it('reads the default configuration and expands ${SWITCHBOARD_PUBLIC_URL} in redirect URIs', () => {
    const config = loadSandboxConfig(undefined, {
      publicUrl: 'https://switchboard.example.com/',
      extraRedirectUris: ['http://127.0.0.1:4000/wm/externalAuth/redirect.html'],
    });
    const app = config.tenants[0]?.applications[0];
    expect(app?.redirectUris).toEqual([
      'https://switchboard.example.com/wm/externalAuth/redirect.html',
      'http://127.0.0.1:4000/wm/externalAuth/redirect.html',
    ]);
    expect(config.settings.accessTokenLifetimeSeconds).toBe(3599);
    expect(
      config.tenants[0]?.users.find((u) => u.userPrincipalName === 'support@contoso.onmicrosoft.com')?.mailbox,
    ).toMatchObject({ type: 'shared', fullAccess: ['adele@contoso.onmicrosoft.com'] });
  });

  it('defaults the public URL to http://localhost:3000', () => {
    expect(loadSandboxConfig(undefined).tenants[0]?.applications[0]?.redirectUris).toEqual([
      'http://localhost:3000/wm/externalAuth/redirect.html',
    ]);
  });

  it('reads a JSON file', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'sandbox-config-')), 'config.json');
    const config: SandboxConfig = {
      tenants: [
        { id: '11111111-1111-4111-8111-111111111111', domain: 'tailspin.onmicrosoft.com', displayName: 'Tailspin' },
      ],
    };
    writeFileSync(file, JSON.stringify(config));
    const loaded = loadSandboxConfig(file);
    expect(loaded.tenants[0]).toMatchObject({
      domain: 'tailspin.onmicrosoft.com',
      users: [],
      applications: [],
      smtpClientAuthenticationEnabled: true,
    });
  });

  it('explains what is wrong with an invalid configuration', () => {
    const broken = structuredClone(defaultConfig) as unknown as SandboxConfig;
    const tenant = broken.tenants[0] as {
      id: string;
      applications: { delegatedPermissions: Record<string, string[]> }[];
    };
    tenant.id = 'not-a-guid';
    expect(() => loadSandboxConfig(broken)).toThrow(/must be a GUID/);

    const unknownPermission = structuredClone(defaultConfig) as typeof defaultConfig;
    unknownPermission.tenants[0]!.applications[0]!.delegatedPermissions['https://graph.microsoft.com']!.push(
      'Mail.Fly',
    );
    expect(() => loadSandboxConfig(unknownPermission as unknown as SandboxConfig)).toThrow(
      /Microsoft Graph has no delegated permission Mail.Fly/,
    );

    const duplicate = structuredClone(defaultConfig) as typeof defaultConfig;
    duplicate.tenants[1]!.domain = 'contoso.onmicrosoft.com';
    expect(() => loadSandboxConfig(duplicate as unknown as SandboxConfig)).toThrow(
      /domain contoso.onmicrosoft.com is declared twice/,
    );
  });

  it('takes the resource names its cloud answers for as https origins (default: none, the global names)', () => {
    expect(loadSandboxConfig(undefined).resources).toBeUndefined();
    const named = (resources: unknown) =>
      loadSandboxConfig({ ...(defaultConfig as unknown as SandboxConfig), resources } as SandboxConfig);
    expect(named({ graph: 'https://Graph.Contoso.test/', exchange: 'https://outlook.contoso.test' }).resources).toEqual(
      {
        graph: 'https://graph.contoso.test',
        exchange: 'https://outlook.contoso.test',
      },
    );
    expect(() => named({ graph: 'http://graph.contoso.test', exchange: 'https://outlook.contoso.test' })).toThrow(
      /https:\/\/ origin/,
    );
    expect(() => named({ graph: 'https://graph.contoso.test/v1.0', exchange: 'https://outlook.contoso.test' })).toThrow(
      /without a path/,
    );
    expect(() => named({ graph: 'https://api.contoso.test', exchange: 'https://api.contoso.test' })).toThrow(
      /different names/,
    );
  });
});
