import { describe, expect, it } from 'vitest';
import { cloudEndpoints, graphResourceFor, tenantEndpoints } from './clouds';

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
});
