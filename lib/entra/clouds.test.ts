import { describe, expect, it } from 'vitest';
import { cloudEndpoints, graphResourceFor } from './clouds';

describe('clouds', () => {
  it('asks national clouds for their own Graph resource, the others for the global one', () => {
    expect(graphResourceFor({ cloud: 'global' })).toBe('https://graph.microsoft.com');
    expect(graphResourceFor({ cloud: 'custom', authorityHost: 'https://127.0.0.1:8443', graphBaseUrl: 'https://127.0.0.1:8443' })).toBe('https://graph.microsoft.com');
    expect(graphResourceFor({ cloud: 'usgov' })).toBe('https://graph.microsoft.us');
    expect(graphResourceFor({ cloud: 'usgov-dod' })).toBe('https://dod-graph.microsoft.us');
    expect(graphResourceFor({ cloud: 'china' })).toBe('https://microsoftgraph.chinacloudapi.cn');
  });

  it('requires both URLs for a Custom cloud', () => {
    expect(() => cloudEndpoints({ cloud: 'custom', authorityHost: 'https://login.contoso.test' })).toThrow(/Graph base URL/);
  });
});
