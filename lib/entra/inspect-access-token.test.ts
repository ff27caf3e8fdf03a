import { describe, expect, it } from 'vitest';
import { tenantEndpoints } from './clouds';
import { describeTokenFacts } from './describe-token-facts';
import { inspectAccessToken, type InspectAccessTokenInput } from './inspect-access-token';

// Tokens shaped like Entra's v1.0 access tokens (the claims reference's names); the signature is never read.
function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ typ: 'JWT', alg: 'RS256' })}.${part(claims)}.c2lnbmF0dXJl`;
}

const NOW = new Date('2026-12-05T08:00:00Z');
const EXP = Math.floor(NOW.getTime() / 1000) + 3600;
const TENANT = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const APP = '3c9a4f1e-7b2d-4e85-a6c0-9d1f2e8b5a47';
const global = tenantEndpoints({ cloud: 'global' });

const delegated = (aud: string, scp: string) =>
  jwt({
    aud,
    tid: TENANT,
    scp,
    upn: 'adele@contoso.com',
    unique_name: 'adele@contoso.com',
    appid: APP,
    oid: '11111111-2222-4333-8444-555555555555',
    idtyp: 'user',
    exp: EXP,
  });
const application = (aud: string, roles?: string[]) =>
  jwt({ aud, tid: TENANT, appid: APP, oid: 'a1b2c3d4-0000-4000-a000-000000000001', idtyp: 'app', exp: EXP, roles });

const inspect = (input: Omit<InspectAccessTokenInput, 'endpoints' | 'now'>) =>
  inspectAccessToken({ endpoints: global, now: NOW, ...input });

describe('inspectAccessToken', () => {
  it('finds nothing wrong with a fine token, and reads its facts', () => {
    const result = inspect({
      accessToken: delegated('https://graph.microsoft.com', 'Mail.Send User.Read'),
      path: 'graph-send',
      authType: 'delegated',
    });
    expect(result).toMatchObject({ ok: true, findings: [] });
    expect(result.facts).toEqual({
      audience: 'https://graph.microsoft.com',
      tenantId: TENANT,
      kind: 'delegated',
      scopes: ['Mail.Send', 'User.Read'],
      roles: [],
      user: 'adele@contoso.com',
      appId: APP,
      objectId: '11111111-2222-4333-8444-555555555555',
      expiresAt: new Date(EXP * 1000),
    });
    expect(describeTokenFacts(result.facts).join('\n')).toContain('delegated, scp: Mail.Send User.Read');
  });

  it('accepts both Exchange names and the first-party app id as SMTP audiences', () => {
    for (const aud of [
      'https://outlook.office.com',
      'https://outlook.office365.com/',
      '00000002-0000-0ff1-ce00-000000000000',
    ])
      expect(inspect({ accessToken: delegated(aud, 'SMTP.Send'), path: 'smtp-send', authType: 'delegated' }).ok).toBe(
        true,
      );
    expect(
      inspect({
        accessToken: application('https://outlook.office365.com', ['SMTP.SendAsApp']),
        path: 'smtp-send',
        authType: 'application',
      }).findings,
    ).toEqual([]);
  });

  it('explains a delegated token without Mail.Send, with the portal step', () => {
    const result = inspect({
      accessToken: delegated('https://graph.microsoft.com', 'User.Read Mail.Read'),
      path: 'graph-send',
      authType: 'delegated',
    });
    expect(result.ok).toBe(false);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({
      severity: 'problem',
      message: expect.stringMatching(
        /^The token's scp has no Mail\.Send or Mail\.Send\.Shared \(it has: User\.Read Mail\.Read\)/,
      ),
      fix: expect.stringContaining(
        'API permissions → Add a permission → Microsoft Graph → Delegated permissions → Mail.Send',
      ),
    });
  });

  it('an application token without Mail.Send is a possibility: RBAC for Applications, with the command to check it', () => {
    const result = inspect({
      accessToken: application('https://graph.microsoft.com', ['User.Read.All']),
      path: 'graph-send',
      authType: 'application',
      mailbox: 'info@contoso.com',
    });
    expect(result.ok).toBe(true);
    expect(result.findings[0]).toMatchObject({
      severity: 'possibility',
      message: expect.stringContaining('RBAC for Applications'),
      fix: expect.stringMatching(/Application permissions → Mail\.Send → Add permissions, then Grant admin consent/),
      check: `Test-ServicePrincipalAuthorization -Identity ${APP} -Resource info@contoso.com`,
    });
  });

  it('an application token without roles for the robot names Mail.ReadWrite', () => {
    const result = inspect({
      accessToken: application('https://graph.microsoft.com'),
      path: 'robot',
      authType: 'application',
    });
    expect(result.findings[0]).toMatchObject({
      severity: 'possibility',
      message: expect.stringContaining('Mail.ReadWrite (they have: none)'),
    });
    expect(result.findings[0]?.check).toContain('-Resource <mailbox>');
  });

  it('SMTP.SendAsApp missing is a problem: RBAC for Applications does not cover SMTP AUTH', () => {
    const result = inspect({
      accessToken: application('https://outlook.office365.com', []),
      path: 'smtp-send',
      authType: 'application',
    });
    expect(result.ok).toBe(false);
    expect(result.findings[0]).toMatchObject({
      severity: 'problem',
      fix: expect.stringContaining(
        'APIs my organization uses → Office 365 Exchange Online → Application permissions → SMTP.SendAsApp → Add permissions, then Grant admin consent',
      ),
    });
    expect(result.findings[0]?.check).toBeUndefined();
  });

  it('explains scp where roles were needed (a delegated token on an app-only path)', () => {
    const result = inspect({
      accessToken: delegated('https://graph.microsoft.com', 'Mail.Send'),
      path: 'graph-send',
      authType: 'application',
    });
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^The token is delegated \(scp: Mail\.Send, for adele@contoso\.com\).*application permission Mail\.Send in roles/,
        ),
        fix: expect.stringContaining('Grant admin consent'),
      }),
    ]);
  });

  it('explains roles where scp was needed (an application token on a delegated path)', () => {
    const result = inspect({
      accessToken: application('https://outlook.office365.com', ['SMTP.SendAsApp']),
      path: 'smtp-send',
      authType: 'delegated',
    });
    expect(result.findings).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^The token is an application token \(roles: SMTP\.SendAsApp.*delegated permission SMTP\.Send in scp/,
        ),
        fix: expect.stringContaining('Microsoft Graph → Delegated permissions → SMTP.Send'),
      }),
    ]);
  });

  it('explains a token for the wrong audience and says nothing about its permissions', () => {
    const result = inspect({
      accessToken: delegated('https://graph.microsoft.com', 'Mail.Send'),
      path: 'smtp-send',
      authType: 'delegated',
    });
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([
      expect.objectContaining({
        message:
          'The token is for Microsoft Graph (https://graph.microsoft.com), but sending over SMTP needs a token for Exchange Online (https://outlook.office.com).',
        fix: expect.stringContaining('https://outlook.office.com/SMTP.Send'),
      }),
    ]);
    expect(
      inspect({
        accessToken: jwt({ aud: 'api://something-else', scp: 'x', exp: EXP }),
        path: 'robot',
        authType: 'delegated',
      }).findings[0]?.message,
    ).toMatch(/^The token is for api:\/\/something-else, but reading and filing mail/);
  });

  it("tells another cloud's name for the right API from a wrong API", () => {
    const usgov = tenantEndpoints({ cloud: 'usgov' });
    const result = inspectAccessToken({
      accessToken: delegated('https://graph.microsoft.com', 'Mail.Send'),
      path: 'graph-send',
      authType: 'delegated',
      endpoints: usgov,
      now: NOW,
    });
    expect(result.findings[0]?.message).toMatch(/another Microsoft cloud.*https:\/\/graph\.microsoft\.us/);
    expect(
      inspectAccessToken({
        accessToken: delegated('https://outlook.office365.us', 'SMTP.Send'),
        path: 'smtp-send',
        authType: 'delegated',
        endpoints: usgov,
        now: NOW,
      }).ok,
    ).toBe(true);
  });

  it('reads v2.0 claims (preferred_username, azp) and an expired token', () => {
    const token = jwt({
      aud: '00000003-0000-0000-c000-000000000000',
      tid: TENANT,
      scp: 'Mail.ReadWrite.Shared',
      preferred_username: 'megan@contoso.com',
      azp: APP,
      exp: Math.floor(NOW.getTime() / 1000) - 60,
    });
    const result = inspect({ accessToken: token, path: 'robot', authType: 'delegated' });
    expect(result.facts).toMatchObject({ user: 'megan@contoso.com', appId: APP, kind: 'delegated' });
    expect(result.findings).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^The token expired at/) }),
    ]);
  });

  it('a token that is not a JWT has no audience', () => {
    const result = inspect({ accessToken: 'opaque', path: 'graph-send', authType: 'delegated' });
    expect(result.ok).toBe(false);
    expect(result.findings[0]?.message).toMatch(/^The token is for no audience/);
  });
});
