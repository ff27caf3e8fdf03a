import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { parseAllowedNetworks } from './net/allowed-networks';

// The environment is read once, here, so that every wrong variable is reported by name at start
// instead of surfacing later as an odd failure deep inside a request.

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const numberText = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'must be a number')
  .transform((v) => Number(v));

const booleanFlag = optionalString.transform((v, ctx) => {
  if (v === undefined) return false;
  if (['1', 'true', 'yes', 'on'].includes(v.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(v.toLowerCase())) return false;
  ctx.addIssue({ code: 'custom', message: 'must be true or false' });
  return z.NEVER;
});

/** A whole number of days, at least 1, with a default. */
const days = (fallback: number) =>
  optionalString
    .pipe(z.optional(numberText.pipe(z.number().int('must be a whole number of days').min(1, 'must be at least 1'))))
    .transform((v) => v ?? fallback);

/** A whole number, at least 1; undefined when unset. */
const count = optionalString.pipe(
  z.optional(numberText.pipe(z.number().int('must be a whole number').min(1, 'must be at least 1'))),
);
/** A number of seconds above 0; undefined when unset. */
const seconds = optionalString.pipe(z.optional(numberText.pipe(z.number().positive('must be above 0'))));
const port = (fallback: number) =>
  optionalString
    .pipe(z.optional(numberText.pipe(z.number().int('must be a whole number').min(1).max(65535))))
    .transform((v) => v ?? fallback);

const envSchema = z.object({
  PORT: optionalString
    .pipe(z.optional(numberText.pipe(z.number().int('must be a whole number').min(1).max(65535))))
    .transform((v) => v ?? 3000),
  HOSTNAME: optionalString.transform((v) => v ?? '0.0.0.0'),
  SWITCHBOARD_DATA_DIR: optionalString.transform((v) => path.resolve(/* turbopackIgnore: true */ v ?? './data')),
  DATABASE_URL: optionalString,
  SWITCHBOARD_ENCRYPTION_KEY: optionalString,
  SWITCHBOARD_ADMIN_EMAIL: optionalString.pipe(z.email('must be an email address').optional()),
  SWITCHBOARD_ADMIN_PASSWORD: optionalString,
  SWITCHBOARD_PUBLIC_URL: optionalString.pipe(
    z
      .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
      .transform((v) => v.replace(/\/+$/, ''))
      .optional(),
  ),
  SWITCHBOARD_TRUST_PROXY: booleanFlag,
  SWITCHBOARD_SESSION_HOURS: optionalString
    .pipe(
      z.optional(
        numberText.pipe(
          z
            .number()
            .min(0.05, 'must be at least 0.05')
            .max(24 * 30, 'must be at most 720'),
        ),
      ),
    )
    .transform((v) => v ?? 12),
  SWITCHBOARD_RETENTION_BODY_DAYS: days(30),
  SWITCHBOARD_RETENTION_RECORD_DAYS: days(90),
  SWITCHBOARD_RETENTION_AUDIT_DAYS: days(365),
  SWITCHBOARD_METRICS_TOKEN: optionalString.pipe(
    z.string().min(16, 'must be at least 16 characters (openssl rand -hex 32)').optional(),
  ),
  // Operator-only: non-public networks webhooks may reach (an on-premises receiver). Not a console setting, so an
  // administrator cannot point the server at its own loopback or the intranet.
  SWITCHBOARD_WEBHOOK_ALLOWED_NETWORKS: optionalString.transform((v, ctx) => {
    const parsed = parseAllowedNetworks(v);
    if (parsed.ok) return parsed.networks;
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }),
  // Pacing per sending mailbox (lib/mail/pacing): Exchange SMTP with OAuth, Microsoft Graph, and plain SMTP (paced only
  // when one of its variables is set). Defaults: Microsoft's published limits.
  SWITCHBOARD_PACE_SMTP_CONCURRENCY: count.transform((v) => v ?? 3),
  SWITCHBOARD_PACE_SMTP_PER_WINDOW: count.transform((v) => v ?? 30),
  SWITCHBOARD_PACE_SMTP_WINDOW_SECONDS: seconds.transform((v) => v ?? 60),
  SWITCHBOARD_PACE_GRAPH_CONCURRENCY: count.transform((v) => v ?? 4),
  SWITCHBOARD_PACE_GRAPH_PER_WINDOW: count.transform((v) => v ?? 10_000),
  SWITCHBOARD_PACE_GRAPH_WINDOW_SECONDS: seconds.transform((v) => v ?? 600),
  SWITCHBOARD_PACE_PLAIN_SMTP_CONCURRENCY: count,
  SWITCHBOARD_PACE_PLAIN_SMTP_PER_WINDOW: count,
  SWITCHBOARD_PACE_PLAIN_SMTP_WINDOW_SECONDS: seconds,
  // The SMTP relay (lib/mail/relay): where it listens once an administrator turns it on in the console. Devices expect
  // 587 (STARTTLS) or 25; the defaults are unprivileged ports, mapped by the operator (README, "SMTP relay").
  SWITCHBOARD_RELAY_HOST: optionalString.transform((v) => v ?? '0.0.0.0'),
  SWITCHBOARD_RELAY_PORT: port(2525),
  /** Implicit TLS (what some devices call SSL, usually 465); off unless set. */
  SWITCHBOARD_RELAY_TLS_PORT: optionalString.pipe(
    z.optional(numberText.pipe(z.number().int('must be a whole number').min(1).max(65535))),
  ),
  /** Old printers that speak only TLS 1.0/1.1: which listeners accept them ("starttls", "tls"); none by default. */
  SWITCHBOARD_RELAY_LEGACY_TLS: optionalString.transform((v, ctx) => {
    const list = (v ?? '')
      .split(',')
      .map((a) => a.trim().toLowerCase())
      .filter(Boolean);
    const bad = list.find((a) => a !== 'starttls' && a !== 'tls');
    if (bad === undefined) return list as ('starttls' | 'tls')[];
    ctx.addIssue({ code: 'custom', message: `"${bad}" is not a listener: write starttls, tls or both` });
    return z.NEVER;
  }),
  /** Load balancers that put a PROXY protocol (v1) header in front of each connection: exact addresses. */
  SWITCHBOARD_RELAY_TRUSTED_PROXIES: optionalString.transform((v, ctx) => {
    const list = (v ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    const bad = list.find((a) => !isIP(a));
    if (bad === undefined) return list;
    ctx.addIssue({
      code: 'custom',
      message: `"${bad}" is not an IP address: list the proxies' addresses, with commas`,
    });
    return z.NEVER;
  }),
  SWITCHBOARD_LOG_LEVEL: optionalString
    .pipe(z.enum(['debug', 'info', 'warn', 'error']).optional())
    .transform((v) => v ?? 'info'),
});

export type Env = z.infer<typeof envSchema>;

export class EnvironmentError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new EnvironmentError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (Boolean(env.SWITCHBOARD_ADMIN_EMAIL) !== Boolean(env.SWITCHBOARD_ADMIN_PASSWORD)) {
    throw new EnvironmentError(
      'Invalid environment:\n  SWITCHBOARD_ADMIN_EMAIL and SWITCHBOARD_ADMIN_PASSWORD must be set together',
    );
  }
  return env;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change the environment between cases; production reads it once. */
export function resetEnvForTests(): void {
  cached = undefined;
}
