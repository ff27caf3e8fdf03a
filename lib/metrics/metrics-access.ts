import 'server-only';
import crypto from 'node:crypto';
import { env } from '@/lib/env';

export type MetricsAccess = 'disabled' | 'refused' | 'granted';

const digest = (value: string) => crypto.createHash('sha256').update(value).digest();

/**
 * Whether a request carries SWITCHBOARD_METRICS_TOKEN as its bearer token. Compared as digests in constant time, so
 * neither the token's bytes nor its length leak through timing. 'disabled' when no token is configured.
 */
export function metricsAccess(headers: Headers): MetricsAccess {
  const token = env().SWITCHBOARD_METRICS_TOKEN;
  if (!token) return 'disabled';
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(headers.get('authorization') ?? '')?.[1];
  if (!presented) return 'refused';
  return crypto.timingSafeEqual(digest(presented), digest(token)) ? 'granted' : 'refused';
}
