import { describe, expect, it } from 'vitest';
import { BUILT_IN_SERVICES } from '@/lib/services/built-in-services';
import { tenantEndpoints, globalResourceOf, type TenantCloud } from '@/lib/entra/clouds';
import { scopesForCloud } from '@/lib/entra/scopes-for-cloud';

const builtInScopes = [...new Set(BUILT_IN_SERVICES.flatMap((s) => s.capabilities.flatMap((c) => c.scopes)))];
const mapped = (tenant: TenantCloud) => scopesForCloud(builtInScopes, tenantEndpoints(tenant));

describe('scopesForCloud', () => {
  it('leaves the built-in scopes as they are in the Global and Custom clouds', () => {
    expect(mapped({ cloud: 'global' })).toEqual(builtInScopes);
    expect(
      mapped({ cloud: 'custom', authorityHost: 'https://127.0.0.1:8443', graphBaseUrl: 'https://127.0.0.1:8443/' }),
    ).toEqual(builtInScopes);
  });

  it.each([
    ['usgov', 'https://graph.microsoft.us', 'https://outlook.office365.us'],
    ['usgov-dod', 'https://dod-graph.microsoft.us', 'https://outlook-dod.office365.us'],
    ['china', 'https://microsoftgraph.chinacloudapi.cn', 'https://partner.outlook.cn'],
  ])('maps the global Microsoft resources to the %s cloud', (cloud, graph, exchange) => {
    expect(
      scopesForCloud(
        ['offline_access', 'https://graph.microsoft.com/Mail.Send', 'https://graph.microsoft.com/.default'],
        tenantEndpoints({ cloud }),
      ),
    ).toEqual(['offline_access', `${graph}/Mail.Send`, `${graph}/.default`]);
    expect(
      scopesForCloud(
        [
          'https://outlook.office.com/SMTP.Send',
          'https://outlook.office365.com/.default',
          'HTTPS://Outlook.Office.com/IMAP.AccessAsUser.All',
        ],
        tenantEndpoints({ cloud }),
      ),
    ).toEqual([`${exchange}/SMTP.Send`, `${exchange}/.default`, `${exchange}/IMAP.AccessAsUser.All`]);
    expect(mapped({ cloud }).some((scope) => /graph\.microsoft\.com|outlook\.office(365)?\.com/.test(scope))).toBe(
      false,
    );
  });

  it('keeps an administrator’s own resource and bare scopes as written', () => {
    const own = [
      'api://0f1e2d3c-0000-4000-8000-000000000000/access_as_user',
      'https://contoso.example/Read',
      'Mail.Send',
      'openid',
    ];
    expect(scopesForCloud(own, tenantEndpoints({ cloud: 'usgov' }))).toEqual(own);
  });

  it('names each cloud’s Microsoft resources by their global name, and no other', () => {
    expect(globalResourceOf('https://graph.microsoft.us')).toBe('https://graph.microsoft.com');
    expect(globalResourceOf('https://microsoftgraph.chinacloudapi.cn')).toBe('https://graph.microsoft.com');
    expect(globalResourceOf('https://outlook.office365.com')).toBe('https://outlook.office.com');
    expect(globalResourceOf('https://partner.outlook.cn')).toBe('https://outlook.office.com');
    expect(globalResourceOf('api://contoso')).toBeNull();
  });
});
