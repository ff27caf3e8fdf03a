import 'server-only';
import {
  AuthenticationHandler,
  Client,
  type Context,
  HTTPMessageHandler,
  type Middleware,
} from '@microsoft/microsoft-graph-client';

class TimeoutFetchHandler implements Middleware {
  constructor(private readonly timeoutMs: number) {}

  async execute(context: Context): Promise<void> {
    context.response = await fetch(context.request, {
      ...context.options,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
  }
}

/**
 * A Graph client for one tenant's Graph host, its tokens from the token service. The SDK only sends the token to
 * hosts it knows as Graph hosts, so a sovereign or Custom cloud's host is declared in `customHosts`. No retry
 * middleware: a 429 comes back to the caller (the outbox and the robot obey Retry-After durably; Test shows it).
 */
export function createGraphClient(
  graphBaseUrl: string,
  getAccessToken: () => Promise<string>,
  options: { timeoutMs?: number } = {},
): Client {
  return Client.initWithMiddleware({
    baseUrl: graphBaseUrl.replace(/\/+$/, ''),
    defaultVersion: 'v1.0',
    customHosts: new Set([new URL(graphBaseUrl).hostname]),
    middleware: [
      new AuthenticationHandler({ getAccessToken }),
      options.timeoutMs ? new TimeoutFetchHandler(options.timeoutMs) : new HTTPMessageHandler(),
    ],
  });
}
