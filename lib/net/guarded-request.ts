import 'server-only';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { urlToHttpOptions } from 'node:url';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import type { AllowedNetwork } from './allowed-networks';
import { checkAddress } from './check-address';
import { AddressRefusedError } from './address-refused-error';
import { guardedLookup, type Resolver } from './guarded-lookup';

// One outbound HTTP request to an address an administrator typed (a webhook), guarded against server-side request
// forgery: the destination must be a public address or inside SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS, checked on the
// address the socket actually connects to. Redirects are never followed and the answer's body is never read, so
// nothing the far side says (or an internal service would have said) comes back to the console but its status.

export interface OutboundRequest {
  url: string;
  method: 'POST' | 'PUT' | 'GET';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface GuardOptions {
  /** Default: the operator's SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS. */
  allowed?: readonly AllowedNetwork[];
  /** Default: the system resolver. Tests inject one to play DNS rebinding. */
  resolve?: Resolver;
}

export type OutboundResult =
  | { ok: true; status: number; statusText: string }
  /** refused: the address is not allowed; unreachable: no HTTP answer (closed, filtered, not HTTP, TLS, DNS, time). */
  | { ok: false; failure: 'refused' | 'unreachable'; reason: string };

const REFUSED_REASON =
  'the address is not public (loopback, private, link-local or another special range); an operator can allow an on-premises receiver with SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS';

export async function guardedRequest(request: OutboundRequest, options: GuardOptions = {}): Promise<OutboundResult> {
  const allowed = options.allowed ?? env().SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS;
  const url = new URL(request.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, failure: 'refused', reason: 'only http:// and https:// URLs are called' };
  const target = urlToHttpOptions(url);
  const hostname = (target.hostname ?? '').replace(/^\[|\]$/g, '');
  // A literal address never goes through `lookup` (Node connects to it directly): check it here.
  if (net.isIP(hostname)) {
    const verdict = checkAddress(hostname, allowed);
    if (!verdict.allowed) return refused(new AddressRefusedError(hostname, hostname, verdict.range));
  }
  const send = url.protocol === 'https:' ? https.request : http.request;
  return new Promise<OutboundResult>((resolve) => {
    const call = send({
      ...target,
      method: request.method,
      headers: {
        ...request.headers,
        ...(request.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(request.body)) }),
      },
      lookup: guardedLookup(allowed, options.resolve),
      agent: false,
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    call.on('response', (response) => {
      // Only the status line matters; the body (perhaps an internal page) is dropped unread.
      resolve({ ok: true, status: response.statusCode ?? 0, statusText: response.statusMessage ?? '' });
      response.destroy();
    });
    call.on('error', (error: Error & { code?: string }) => {
      if (error instanceof AddressRefusedError) return resolve(refused(error));
      const timedOut = error.name === 'AbortError' || error.name === 'TimeoutError' || error.code === 'ABORT_ERR';
      // One answer for every way of not getting an HTTP answer (closed, filtered, not HTTP, TLS, unknown name), so
      // the console cannot be used to map which ports are open; the operator finds the cause in the log.
      logger.info('outbound.failed', { host: url.host, code: error.code ?? error.name, timedOut });
      // A timeout included: a filtered port times out where a closed one is refused at once.
      resolve({
        ok: false,
        failure: 'unreachable',
        reason: `could not connect, or no HTTP answer within ${Math.round(request.timeoutMs / 1000)} s`,
      });
    });
    call.end(request.body);
  });
}

function refused(error: AddressRefusedError): OutboundResult {
  logger.warn('outbound.refused', { host: error.hostname, address: error.address, range: error.range });
  return { ok: false, failure: 'refused', reason: REFUSED_REASON };
}
