import { randomUUID } from 'node:crypto';
import type { HttpExchange } from '../http/http-exchange';
import type { SandboxContext } from '../sandbox-context';
import { errorPage, formPostPage } from './authorize-pages';
import { entraErrorBody, entraTimestamp, type EntraError } from './entra-error';
import type { ResponseMode } from './authorize-flows';

// Handing the outcome of /authorize back: to the client's redirect URI (query, fragment or form_post),
// or, when the redirect URI itself cannot be trusted, on Entra's own error page.

export interface RedirectTarget {
  redirectUri: string;
  responseMode: ResponseMode;
}

export function respondToClient(
  exchange: HttpExchange,
  target: RedirectTarget,
  fields: Record<string, string | undefined>,
): void {
  const present = Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  if (target.responseMode === 'form_post') {
    exchange.html(200, formPostPage(target.redirectUri, present));
    return;
  }
  const url = new URL(target.redirectUri);
  const params = new URLSearchParams(present);
  if (target.responseMode === 'fragment') url.hash = params.toString();
  else for (const [name, value] of params) url.searchParams.set(name, value);
  exchange.redirect(url.toString());
}

export function redirectWithError(
  context: SandboxContext,
  exchange: HttpExchange,
  target: RedirectTarget,
  error: EntraError,
  state: string | undefined,
  subcode?: string,
): void {
  const body = entraErrorBody(error, {
    authorityHost: context.urls.authorityHost,
    correlationId: exchange.url.searchParams.get('client-request-id') ?? undefined,
  });
  respondToClient(exchange, target, {
    error: body.error,
    error_description: body.error_description,
    error_uri: body.error_uri,
    error_subcode: subcode,
    state,
  });
}

export function showErrorPage(exchange: HttpExchange, error: EntraError, appName?: string): void {
  exchange.html(
    error.status === 401 ? 400 : error.status,
    errorPage({
      message: error.message,
      requestId: randomUUID(),
      correlationId: exchange.url.searchParams.get('client-request-id') ?? randomUUID(),
      timestamp: entraTimestamp(),
      appName,
    }),
  );
}
