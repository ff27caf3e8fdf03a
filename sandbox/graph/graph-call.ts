import { randomUUID } from 'node:crypto';
import type { HttpExchange } from '../http/http-exchange';
import type { RouteHandler } from '../http/route-table';
import { verifyAccessToken, type Principal } from '../identity/verify-access-token';
import type { SandboxContext } from '../sandbox-context';
import { GraphError, graphErrorBody, graphErrors } from './graph-error';
import { resolveMailbox, type MailAccess, type ResolvedMailbox } from './resolve-mailbox';

// One Graph request after the gate: counted, possibly throttled, bearer token checked. Handlers get a
// GraphCall and throw GraphError for the expected failures.

export class GraphCall {
  readonly requestId = randomUUID();
  readonly clientRequestId: string;

  constructor(
    readonly context: SandboxContext,
    readonly exchange: HttpExchange,
    readonly principal: Principal,
  ) {
    this.clientRequestId = exchange.header('client-request-id') ?? this.requestId;
  }

  /** `me`, or the `{id|userPrincipalName}` of `/users/{...}`. */
  get target(): string {
    return this.exchange.params.user ?? 'me';
  }

  /** `${graphBaseUrl}/v1.0`, for @odata links. */
  get root(): string {
    return `${this.context.urls.graphBaseUrl}/v1.0`;
  }

  mailbox(access: MailAccess): ResolvedMailbox {
    return resolveMailbox(this.context, this.principal, this.target, access);
  }

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      'request-id': this.requestId,
      'client-request-id': this.clientRequestId,
      'x-ms-ags-diagnostic': '{"ServerInfo":{"DataCenter":"Sandbox"}}',
      ...extra,
    };
  }

  json(status: number, body: unknown, extra: Record<string, string> = {}): void {
    this.exchange.send(
      status,
      JSON.stringify(body),
      this.headers({
        'Content-Type':
          'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8',
        ...extra,
      }),
    );
  }

  empty(status: number, extra: Record<string, string> = {}): void {
    this.exchange.empty(status, this.headers(extra));
  }

  /** The JSON body; GraphError when it is missing or unreadable. */
  async body(): Promise<Record<string, unknown>> {
    const raw = (await this.exchange.readBody()).toString('utf8').trim();
    if (!raw) throw graphErrors.emptyPayload();
    try {
      const parsed = JSON.parse(raw) as unknown;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw graphErrors.unreadableJson();
      return parsed as Record<string, unknown>;
    } catch (error) {
      if (error instanceof GraphError) throw error;
      throw graphErrors.unreadableJson();
    }
  }
}

const GRAPH_MAX_REQUEST_BYTES = 4 * 1024 * 1024;

export type GraphHandler = (call: GraphCall) => Promise<void> | void;

function sendError(exchange: HttpExchange, error: GraphError): void {
  const requestId = randomUUID();
  const body = graphErrorBody(error, requestId, exchange.header('client-request-id') ?? requestId);
  exchange.json(error.status, body, {
    'request-id': requestId,
    'client-request-id': body.error.innerError['client-request-id'],
    ...error.headers,
  });
}

const TOKEN_FAILURES = {
  empty: graphErrors.emptyToken,
  malformed: graphErrors.malformedToken,
  signature: graphErrors.invalidSignature,
  expired: graphErrors.expiredToken,
  audience: graphErrors.invalidAudience,
  'unknown-principal': graphErrors.invalidSignature,
};

/** Wraps a handler with Graph's gate: count, throttle, authenticate, turn GraphErrors into responses. */
export function graphGate(context: SandboxContext, handler: GraphHandler): RouteHandler {
  return async (exchange) => {
    context.counters.increment('graph:request');
    try {
      const retryAfter = context.throttle.take('graph', exchange.url.pathname);
      if (retryAfter !== undefined) throw graphErrors.throttled(retryAfter);
      const authorization = exchange.header('authorization') ?? '';
      const token = /^bearer\s+/i.test(authorization) ? authorization.replace(/^bearer\s+/i, '').trim() : undefined;
      const check = verifyAccessToken(context, token, 'graph');
      if (!check.ok) throw TOKEN_FAILURES[check.reason]();
      // Graph takes at most 4 MB in one request (larger files go through upload sessions, outside /v1.0).
      if (exchange.method !== 'GET' && (await exchange.readBody()).length > GRAPH_MAX_REQUEST_BYTES)
        throw graphErrors.requestTooLarge();
      await handler(new GraphCall(context, exchange, check.principal));
    } catch (error) {
      if (error instanceof GraphError) return sendError(exchange, error);
      throw error;
    }
  };
}

export function graphNotFound(exchange: HttpExchange): void {
  const segment = exchange.url.pathname.split('/').filter(Boolean).pop() ?? '';
  sendError(exchange, graphErrors.segmentNotFound(decodeURIComponent(segment)));
}
