import { type APIRequestContext, request } from '@playwright/test';
import { SANDBOX } from './servers';

// The e2e sandbox's values (what `npm run sandbox` prints) and its control API, for specs.

export interface SandboxInfo {
  authorityHost: string;
  graphBaseUrl: string;
  smtp: { host: string; port: number };
  tenantId: string;
  tenantDomain: string;
  clientId: string;
  clientSecret: string;
  users: { username: string; password: string }[];
}

export const ADELE = { username: 'adele@contoso.onmicrosoft.com', password: 'Sandbox-Adele-1' };

export async function sandboxControl(): Promise<APIRequestContext> {
  return request.newContext({ baseURL: `${SANDBOX.controlUrl}/`, ignoreHTTPSErrors: true });
}

export async function sandboxInfo(): Promise<SandboxInfo> {
  const control = await sandboxControl();
  const response = await control.get('info');
  const info = (await response.json()) as SandboxInfo;
  await control.dispose();
  return info;
}
