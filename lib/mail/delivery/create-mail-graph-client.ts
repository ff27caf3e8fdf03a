import 'server-only';
import { AuthenticationHandler, Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';

/**
 * A Graph client for one tenant's Graph host with one access token. No retry middleware: the outbox retries,
 * durably, and obeys Retry-After itself. The token goes only to Graph hosts and this tenant's host (customHosts).
 */
export function createMailGraphClient(graphBaseUrl: string, accessToken: string): Client {
  return Client.initWithMiddleware({
    baseUrl: graphBaseUrl,
    defaultVersion: 'v1.0',
    customHosts: new Set([new URL(graphBaseUrl).hostname]),
    middleware: [new AuthenticationHandler({ getAccessToken: async () => accessToken }), new HTTPMessageHandler()],
  });
}
