import 'server-only';
import { Client } from '@microsoft/microsoft-graph-client';

/**
 * A Graph client for one tenant's Graph host with a token from the token service. The client only attaches the
 * token to hosts it knows as Graph hosts, so a sovereign or Custom cloud's host is declared in `customHosts`.
 */
export function createGraphClient(graphBaseUrl: string, accessToken: string): Client {
  const host = new URL(graphBaseUrl).hostname;
  return Client.init({
    baseUrl: graphBaseUrl.replace(/\/+$/, ''),
    defaultVersion: 'v1.0',
    customHosts: new Set([host]),
    authProvider: (done) => done(null, accessToken),
  });
}

export interface GraphFailure {
  status: number;
  code: string;
  message: string;
}

/** Graph's error as a value: its HTTP status, its code (ErrorAccessDenied…) and message, never the token. */
export function graphFailureOf(error: unknown): GraphFailure {
  const e = (error ?? {}) as { statusCode?: unknown; code?: unknown; message?: unknown; body?: unknown };
  let code = typeof e.code === 'string' ? e.code : 'GraphError';
  let message = typeof e.message === 'string' ? e.message : String(error);
  if (typeof e.body === 'string') {
    try {
      const parsed = JSON.parse(e.body) as { error?: { code?: string; message?: string } };
      code = parsed.error?.code ?? code;
      message = parsed.error?.message ?? message;
    } catch {
      // Not JSON: keep what the client said.
    }
  }
  return { status: typeof e.statusCode === 'number' ? e.statusCode : 0, code, message };
}
