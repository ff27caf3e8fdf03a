import { describe, expect, it } from 'vitest';
import { tenantEndpoints } from './clouds';
import { tokenResource } from './token-resource';

const custom = tenantEndpoints({
  cloud: 'custom',
  authorityHost: 'https://127.0.0.1:8443',
  graphBaseUrl: 'https://127.0.0.1:8443',
});
const usgov = tenantEndpoints({ cloud: 'usgov' });
const china = tenantEndpoints({ cloud: 'china' });

describe('tokenResource', () => {
  it('asks the API’s resource in the tenant’s cloud, Exchange’s app-only name for client credentials', () => {
    expect(tokenResource({ authType: 'delegated', endpoints: custom }, [], { api: 'graph' })).toBe(
      'https://graph.microsoft.com',
    );
    expect(
      tokenResource({ authType: 'delegated', endpoints: custom }, ['https://outlook.office.com/SMTP.Send'], {
        api: 'exchange',
      }),
    ).toBe('https://outlook.office.com');
    expect(
      tokenResource({ authType: 'delegated', endpoints: custom }, ['https://outlook.office365.com/SMTP.Send'], {
        api: 'exchange',
      }),
    ).toBe('https://outlook.office365.com');
    expect(
      tokenResource({ authType: 'application', endpoints: custom }, ['https://graph.microsoft.com/.default'], {
        api: 'exchange',
      }),
    ).toBe('https://outlook.office365.com');
    expect(tokenResource({ authType: 'delegated', endpoints: usgov }, [], { api: 'graph' })).toBe(
      'https://graph.microsoft.us',
    );
    expect(tokenResource({ authType: 'application', endpoints: china }, [], { api: 'exchange' })).toBe(
      'https://partner.outlook.cn',
    );
  });

  it('takes a global name given by a caller as its cloud’s counterpart, and any other resource as given', () => {
    expect(
      tokenResource({ authType: 'delegated', endpoints: usgov }, [], { resource: 'https://graph.microsoft.com' }),
    ).toBe('https://graph.microsoft.us');
    expect(
      tokenResource({ authType: 'delegated', endpoints: usgov }, [], { resource: 'https://outlook.office.com' }),
    ).toBe('https://outlook.office365.us');
    expect(
      tokenResource({ authType: 'delegated', endpoints: custom }, [], { resource: 'https://outlook.office.com' }),
    ).toBe('https://outlook.office.com');
    expect(tokenResource({ authType: 'delegated', endpoints: usgov }, [], { resource: 'api://contoso' })).toBe(
      'api://contoso',
    );
  });

  it('defaults to the first resource of the service’s scopes, Graph for client credentials', () => {
    expect(
      tokenResource(
        { authType: 'delegated', endpoints: usgov },
        ['offline_access', 'https://graph.microsoft.us/Mail.Send'],
        {},
      ),
    ).toBe('https://graph.microsoft.us');
    expect(tokenResource({ authType: 'application', endpoints: usgov }, [], {})).toBe('https://graph.microsoft.us');
    expect(tokenResource({ authType: 'delegated', endpoints: usgov }, ['offline_access'], {})).toBeUndefined();
  });
});
