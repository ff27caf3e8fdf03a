import 'server-only';
import nodemailer from 'nodemailer';
import { db } from '@/lib/db/prisma';
import { classifySmtpError } from '@/lib/mail/delivery/classify-smtp-error';
import type { DeliveryContext } from '@/lib/mail/delivery/explain-app-only-smtp-refusal';
import { explainDeliveryError } from '@/lib/mail/delivery/explain-delivery-error';
import { EMAIL_SETTINGS_ID } from '@/lib/mail/settings/delivery-settings';
import { parseSmtpServer } from '@/lib/mail/settings/parse-smtp-server';
import { smtpSecurity } from '@/lib/mail/settings/smtp-security';
import { cloudEndpoints, smtpTokenHostsFor, type TenantCloud } from '@/lib/entra/clouds';

export interface HandshakeResult {
  ok: boolean;
  summary: string;
  details: string[];
}

/**
 * Where an Exchange connection's SMTP AUTH is tried: the SMTP server of the Emails settings when they use this
 * connection and it is one of the cloud's own SMTP hosts (the cloud's default is editable where Microsoft is unclear,
 * DoD and China), for a Custom cloud whatever host they saved; otherwise the cloud's default submission host
 * (smtp.office365.com:587 …).
 */
async function smtpServerFor(
  connectionId: string,
  tenant: TenantCloud,
): Promise<{ host: string; port: number; secure: boolean } | null> {
  const settings = await db().emailSettings.findUnique({
    where: { id: EMAIL_SETTINGS_ID },
    select: { smtpServer: true, useSsl: true, implicitTls: true, connectionId: true },
  });
  const saved =
    settings?.connectionId === connectionId && settings.smtpServer ? parseSmtpServer(settings.smtpServer) : null;
  const tokenHosts = smtpTokenHostsFor(tenant.cloud);
  if (settings && saved?.ok && (!tokenHosts || tokenHosts.includes(saved.host.toLowerCase()))) {
    const security = smtpSecurity(saved.port, settings.useSsl, settings.implicitTls);
    return { host: saved.host, port: saved.port, secure: security.ok && security.mode === 'implicit' };
  }
  const known = cloudEndpoints(tenant).smtpHost;
  if (!known) return null;
  const parsed = parseSmtpServer(known);
  return parsed.ok ? { host: parsed.host, port: parsed.port, secure: parsed.port === 465 } : null;
}

/**
 * EHLO, STARTTLS (or implicit TLS), AUTH XOAUTH2 with the connection's token, QUIT: no mail is sent. `context` (who
 * signs in) explains a refusal Exchange words generically.
 */
export async function testSmtpHandshake(
  connectionId: string,
  tenant: TenantCloud,
  user: string,
  accessToken: string,
  context?: DeliveryContext,
): Promise<HandshakeResult | null> {
  const server = await smtpServerFor(connectionId, tenant);
  if (!server) return null;
  const where = `${server.host}:${server.port}`;
  const transport = nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.secure,
    requireTLS: !server.secure,
    auth: { type: 'OAuth2', user, accessToken },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
  });
  try {
    await transport.verify();
    return { ok: true, summary: `SMTP AUTH XOAUTH2 accepted by ${where} for ${user}`, details: [] };
  } catch (error) {
    const outcome = classifySmtpError(error);
    const explanation = explainDeliveryError(outcome.code, outcome.answer, context);
    return {
      ok: false,
      summary: `SMTP AUTH at ${where} failed: ${outcome.answer}`,
      details: explanation ? [`${explanation.title}: ${explanation.meaning}`, `Fix: ${explanation.fix}`] : [],
    };
  } finally {
    transport.close();
  }
}
