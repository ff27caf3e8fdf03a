import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

// MSAL Node's network client over a given fetch: `system: { networkClient: new CaNetworkClient(fetch) }`
// lets MSAL trust the sandbox CA without NODE_EXTRA_CA_CERTS.

export class CaNetworkClient implements INetworkModule {
  constructor(private readonly fetchImpl: typeof fetch) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'GET', options);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'POST', options);
  }

  private async send<T>(url: string, method: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const response = await this.fetchImpl(url, { method, headers: options?.headers, body: options?.body });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    return { headers, body: (await response.json()) as T, status: response.status };
  }
}
