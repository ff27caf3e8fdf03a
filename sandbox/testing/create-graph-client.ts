import {
  AuthenticationHandler,
  Client,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';

// The Microsoft Graph client pointed at the sandbox: baseUrl is info.graphBaseUrl, customHosts lists its host
// (the client only sends the token to Graph hosts and custom hosts), and the last middleware fetches through
// a fetch that trusts the sandbox CA instead of the global fetch.

class FetchHandler implements Middleware {
  constructor(private readonly fetchImpl: typeof fetch) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.fetchImpl(context.request, context.options);
  }
}

export interface GraphClientOptions {
  /** How many times to retry a 429/503/504 (honouring Retry-After); the SDK default is 3. */
  maxRetries?: number;
}

export function createGraphClient(
  graphBaseUrl: string,
  fetchImpl: typeof fetch,
  getAccessToken: () => Promise<string>,
  options: GraphClientOptions = {},
): Client {
  return Client.initWithMiddleware({
    baseUrl: graphBaseUrl,
    customHosts: new Set([new URL(graphBaseUrl).hostname]),
    middleware: [
      new AuthenticationHandler({ getAccessToken }),
      new RetryHandler(new RetryHandlerOptions(undefined, options.maxRetries ?? 3)),
      new TelemetryHandler(),
      new FetchHandler(fetchImpl),
    ],
  });
}
