import { describe, expect, it } from 'vitest';
import {
  cloudEndpoints,
  globalResourceOf,
  graphResourceFor,
  smtpTokenHostsFor as smtpHostsOf,
  tenantEndpoints,
} from './clouds';

describe('clouds', () => {
  it('asks national clouds for their own Graph resource, the others for the global one', () => {
    expect(graphResourceFor({ cloud: 'global' })).toBe('https://graph.microsoft.com');
    expect(
      graphResourceFor({
        cloud: 'custom',
        authorityHost: 'https://127.0.0.1:8443',
        graphBaseUrl: 'https://127.0.0.1:8443',
      }),
    ).toBe('https://graph.microsoft.com');
    expect(graphResourceFor({ cloud: 'usgov' })).toBe('https://graph.microsoft.us');
    expect(graphResourceFor({ cloud: 'usgov-dod' })).toBe('https://dod-graph.microsoft.us');
    expect(graphResourceFor({ cloud: 'china' })).toBe('https://microsoftgraph.chinacloudapi.cn');
  });

  it('knows each cloud’s Graph and Exchange resources and its mail hosts; Custom answers for the global names', () => {
    expect(tenantEndpoints({ cloud: 'global' })).toMatchObject({
      graphResource: 'https://graph.microsoft.com',
      exchangeResource: 'https://outlook.office.com',
      exchangeAppResource: 'https://outlook.office365.com',
      smtpHost: 'smtp.office365.com:587',
      imapHost: 'outlook.office365.com:993',
    });
    expect(tenantEndpoints({ cloud: 'usgov' })).toMatchObject({
      exchangeResource: 'https://outlook.office365.us',
      exchangeAppResource: 'https://outlook.office365.us',
      imapHost: 'outlook.office365.us:993',
    });
    expect(tenantEndpoints({ cloud: 'usgov-dod' })).toMatchObject({
      authorityHost: 'https://login.microsoftonline.us',
      exchangeResource: 'https://outlook-dod.office365.us',
    });
    expect(tenantEndpoints({ cloud: 'china' })).toMatchObject({
      exchangeResource: 'https://partner.outlook.cn',
      smtpHost: 'smtp.partner.outlook.cn:587',
    });
    const custom = tenantEndpoints({
      cloud: 'custom',
      authorityHost: 'https://127.0.0.1:8443/',
      graphBaseUrl: 'https://127.0.0.1:8443',
    });
    expect(custom).toEqual({
      authorityHost: 'https://127.0.0.1:8443',
      graphBaseUrl: 'https://127.0.0.1:8443',
      graphResource: 'https://graph.microsoft.com',
      exchangeResource: 'https://outlook.office.com',
      exchangeAppResource: 'https://outlook.office365.com',
    });
    expect(() => tenantEndpoints({ cloud: 'germany' })).toThrow(/Unknown cloud/);
  });

  it('requires both URLs for a Custom cloud', () => {
    expect(() => cloudEndpoints({ cloud: 'custom', authorityHost: 'https://login.contoso.test' })).toThrow(
      /Graph base URL/,
    );
  });

  it('lets a Custom cloud name its own Graph and Exchange resources, one Exchange name for both kinds', () => {
    const own = tenantEndpoints({
      cloud: 'custom',
      authorityHost: 'https://127.0.0.1:8443',
      graphBaseUrl: 'https://127.0.0.1:8443',
      graphResource: 'https://Graph.Contoso.test/',
      exchangeResource: 'https://outlook.contoso.test',
    });
    expect(own).toMatchObject({
      graphResource: 'https://graph.contoso.test',
      exchangeResource: 'https://outlook.contoso.test',
      exchangeAppResource: 'https://outlook.contoso.test',
    });
    // The lists judge by the global names: the tenant's own names count once its endpoints are given.
    expect(globalResourceOf('https://graph.contoso.test')).toBeNull();
    expect(globalResourceOf('https://graph.contoso.test', own)).toBe('https://graph.microsoft.com');
    expect(globalResourceOf('https://outlook.contoso.test/', own)).toBe('https://outlook.office.com');
    // A national cloud keeps its own names whatever columns a row carries (only Custom reads them).
    expect(
      tenantEndpoints({ cloud: 'usgov', graphResource: 'https://graph.contoso.test', exchangeResource: null }),
    ).toMatchObject({ graphResource: 'https://graph.microsoft.us', exchangeResource: 'https://outlook.office365.us' });
  });

  it("lists each national cloud's documented SMTP hosts, its default first", () => {
    for (const cloud of ['global', 'usgov', 'usgov-dod', 'china'] as const) {
      const { smtpHost } = tenantEndpoints({ cloud });
      expect(smtpHostsOf(cloud)?.[0]).toBe(smtpHost?.split(':')[0]);
    }
    expect(smtpHostsOf('usgov-dod')).toEqual(['smtp.office365.us', 'outlook-dod.office365.us']);
    expect(smtpHostsOf('china')).toEqual(['smtp.partner.outlook.cn', 'partner.outlook.cn']);
    expect(smtpHostsOf('custom')).toBeNull();
  });
});
