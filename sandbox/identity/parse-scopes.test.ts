import { describe, expect, it } from 'vitest';
import { EntraError } from './entra-error';
import { GRAPH_APP_ID, resourceNamesOf } from './microsoft-resources';
import { parseApplicationScope, parseDelegatedScopes } from './parse-scopes';

const codeOf = (run: () => unknown): number | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof EntraError ? error.code : -1;
  }
};

describe('parseDelegatedScopes', () => {
  it('takes the audience from the form the client used for the resource', () => {
    expect(
      parseDelegatedScopes('openid offline_access https://graph.microsoft.com/mail.send', 'Contoso'),
    ).toMatchObject({ audience: 'https://graph.microsoft.com', permissions: ['Mail.Send'], qualified: true });
    expect(parseDelegatedScopes('Mail.Send User.Read', 'Contoso')).toMatchObject({
      audience: GRAPH_APP_ID,
      permissions: ['Mail.Send', 'User.Read'],
      qualified: false,
    });
    expect(parseDelegatedScopes('https://outlook.office365.com/SMTP.Send', 'Contoso')).toMatchObject({
      audience: 'https://outlook.office365.com',
      resource: { key: 'exchange' },
    });
    expect(parseDelegatedScopes('openid profile offline_access', 'Contoso')).toMatchObject({
      resource: { key: 'graph' },
      permissions: [],
      oidc: new Set(['openid', 'profile', 'offline_access']),
    });
  });

  it('refuses what Entra refuses', () => {
    expect(codeOf(() => parseDelegatedScopes('', 'Contoso'))).toBe(900144);
    expect(
      codeOf(() =>
        parseDelegatedScopes('https://graph.microsoft.com/Mail.Send https://outlook.office.com/SMTP.Send', 'Contoso'),
      ),
    ).toBe(28000);
    expect(
      codeOf(() =>
        parseDelegatedScopes('https://graph.microsoft.com/.default https://graph.microsoft.com/Mail.Send', 'Contoso'),
      ),
    ).toBe(70011);
    expect(codeOf(() => parseDelegatedScopes('https://graph.microsoft.com/Mail.Fly', 'Contoso'))).toBe(70011);
    expect(codeOf(() => parseDelegatedScopes('https://api.example.com/read', 'Contoso'))).toBe(500011);
  });
});

describe('parseApplicationScope', () => {
  it('accepts exactly one {resource}/.default', () => {
    expect(parseApplicationScope('https://graph.microsoft.com/.default', 'Contoso')).toMatchObject({
      audience: 'https://graph.microsoft.com',
      resource: { key: 'graph' },
    });
    expect(
      codeOf(() =>
        parseApplicationScope('https://graph.microsoft.com/.default https://outlook.office.com/.default', 'Contoso'),
      ),
    ).toBe(1002012);
    expect(codeOf(() => parseApplicationScope('Mail.Send', 'Contoso'))).toBe(1002012);
  });
});

describe('a sandbox that answers for other resource names (config `resources`)', () => {
  const names = resourceNamesOf({ graph: 'https://graph.contoso.test', exchange: 'https://outlook.contoso.test' });

  it('takes its own names, and the application ids, as Entra does in a national cloud', () => {
    expect(parseDelegatedScopes('openid https://graph.contoso.test/Mail.Send', 'Contoso', names)).toMatchObject({
      audience: 'https://graph.contoso.test',
      permissions: ['Mail.Send'],
    });
    expect(
      parseDelegatedScopes('offline_access https://outlook.contoso.test/SMTP.Send', 'Contoso', names),
    ).toMatchObject({ audience: 'https://outlook.contoso.test', permissions: ['SMTP.Send'] });
    expect(parseApplicationScope(`${GRAPH_APP_ID}/.default`, 'Contoso', names).resource.key).toBe('graph');
  });

  it('refuses the global names with AADSTS500011', () => {
    for (const scope of [
      'https://graph.microsoft.com/Mail.Send',
      'https://outlook.office.com/SMTP.Send',
      'https://outlook.office365.com/SMTP.Send',
    ])
      expect(codeOf(() => parseDelegatedScopes(`openid ${scope}`, 'Contoso', names))).toBe(500011);
    expect(() => parseApplicationScope('https://graph.microsoft.com/.default', 'Contoso', names)).toThrow(
      /^AADSTS500011: The resource principal named https:\/\/graph.microsoft.com was not found in the tenant named Contoso\. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant\. You might have sent your authentication request to the wrong tenant\./,
    );
  });
});
