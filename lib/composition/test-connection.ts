import 'server-only';
import { GLOBAL_RESOURCES, globalResourceOf } from '@/lib/entra/clouds';
import { createGraphClient } from '@/lib/entra/create-graph-client';
import { describeGraphFailure } from '@/lib/entra/describe-graph-failure';
import { explainGraphFailure } from '@/lib/entra/explain-graph-failure';
import { graphFailureOf } from '@/lib/entra/graph-failure';
import { decodeJwtClaims } from '@/lib/entra/decode-jwt-claims';
import { type ConnectionContext, getAccessToken } from '@/lib/entra/get-access-token';
import { testSmtpHandshake } from '@/lib/mail/test-smtp-handshake';
import { connectionTokenPaths } from './connection-token-paths';
import { type InspectedToken, inspectConnectionToken } from './inspect-connection-token';

export interface ConnectionTestResult {
  ok: boolean;
  summary: string;
  details: string[];
  /** What each token said against what its paths need (never the token itself). */
  tokens?: InspectedToken[];
}

/**
 * Test: a fresh token through the same path every sender uses, then a call that proves it works — Graph /me for a
 * delegated Graph connection, an SMTP AUTH XOAUTH2 handshake (no mail sent) for an Exchange connection, the roles
 * in the token for an application connection.
 */
export async function testConnection(connectionId: string): Promise<ConnectionTestResult> {
  const result = await testConnectionToken(connectionId);
  return withTokenFindings(result);
}

/**
 * A problem the inspector found fails Test even when the call worked (a Graph /me needs no Mail.Send), and its
 * sentence becomes the summary (the call's answer follows it); possibilities leave Test passing.
 */
function withTokenFindings(result: ConnectionTestResult): ConnectionTestResult {
  const problem = result.tokens?.flatMap((t) => t.findings).find((f) => f.severity === 'problem');
  if (!problem) return result;
  return { ...result, ok: false, summary: problem.message, details: [result.summary, ...result.details] };
}

function tenantOf(connection: ConnectionContext) {
  return {
    cloud: connection.cloud,
    authorityHost: connection.endpoints.authorityHost,
    graphBaseUrl: connection.endpoints.graphBaseUrl,
  };
}

async function testConnectionToken(connectionId: string): Promise<ConnectionTestResult> {
  // A fresh token proves what matters most: that Microsoft still accepts the stored sign-in (or the client secret).
  // The token service picks the resource (the service's first; Graph for client credentials) and says whose it is.
  const token = await getAccessToken(connectionId, { forceRefresh: true });
  if (!token.ok) {
    if (token.reason === 'not_found') return { ok: false, summary: 'The connection no longer exists.', details: [] };
    const fix = token.error?.explanation?.fix;
    return { ok: false, summary: `No token: ${token.message}`, details: fix ? [fix] : [] };
  }
  const { connection } = token;
  const api = globalResourceOf(token.resource, connection.endpoints);
  const claims = decodeJwtClaims(token.accessToken);
  const expires = `Token valid until ${token.expiresOn.toISOString().replace('T', ' ').slice(0, 16)} UTC`;
  const tokenApi = api === GLOBAL_RESOURCES.graph ? 'graph' : api === GLOBAL_RESOURCES.exchange ? 'exchange' : null;
  const inspected = tokenApi ? await inspectConnectionToken(connection, tokenApi, token.accessToken) : null;
  const tokens = inspected ? [inspected] : [];

  if (connection.authType === 'application') {
    const roles = Array.isArray(claims.roles) ? claims.roles.map(String) : [];
    // SMTP.SendAsApp is in the Exchange token, not the Graph one: ask for it too, so the lists know both.
    const exchange = await getAccessToken(connectionId, { api: 'exchange' });
    const exchangeRoles = exchange.ok ? decodeJwtClaims(exchange.accessToken).roles : null;
    const exchangeInspected = exchange.ok
      ? await inspectConnectionToken(connection, 'exchange', exchange.accessToken)
      : null;
    const applicationResult = {
      tokens: exchangeInspected ? [...tokens, exchangeInspected] : tokens,
      ok: true,
      summary: roles.length
        ? `Application token acquired with roles: ${roles.join(', ')}`
        : 'Application token acquired, but it carries no roles: grant application permissions and admin consent in Azure.',
      details: [
        expires,
        exchange.ok
          ? `Exchange token roles: ${Array.isArray(exchangeRoles) && exchangeRoles.length ? exchangeRoles.map(String).join(', ') : 'none'}`
          : `No Exchange token (SMTP): ${exchange.message}`,
      ],
    };
    // The Emails settings send over SMTP as a mailbox with this connection: the handshake proves Exchange's side too
    // (the service principal's permission on that mailbox), which no token can show.
    const smtp = (await connectionTokenPaths(connectionId)).find((p) => p.path === 'smtp-send' && p.mailbox);
    if (!exchange.ok || !smtp?.mailbox) return applicationResult;
    const exchangeClaims = decodeJwtClaims(exchange.accessToken);
    const handshake = await testSmtpHandshake(connectionId, tenantOf(connection), smtp.mailbox, exchange.accessToken, {
      authType: 'application',
      appId: typeof exchangeClaims.appid === 'string' ? exchangeClaims.appid : null,
      servicePrincipalId: typeof exchangeClaims.oid === 'string' ? exchangeClaims.oid : null,
      mailbox: smtp.mailbox,
    });
    if (!handshake) return applicationResult;
    return {
      ...applicationResult,
      ok: handshake.ok,
      summary: handshake.summary,
      details: [...handshake.details, applicationResult.summary, ...applicationResult.details],
    };
  }
  if (api === GLOBAL_RESOURCES.graph) {
    try {
      const graph = createGraphClient(connection.endpoints.graphBaseUrl, async () => token.accessToken);
      const me = (await graph.api('/me').select('displayName,mail,userPrincipalName').get()) as {
        displayName?: string;
        mail?: string;
        userPrincipalName?: string;
      };
      return {
        tokens,
        ok: true,
        summary: `Graph /me answered: ${me.displayName ?? ''} <${me.mail ?? me.userPrincipalName ?? ''}>`,
        details: [expires, `Scopes: ${token.scopes.join(' ')}`],
      };
    } catch (error) {
      const failure = graphFailureOf(error);
      const explained = explainGraphFailure(failure, 'test');
      return {
        tokens,
        ok: false,
        summary: `Graph /me failed: ${describeGraphFailure(failure)}`,
        details: [expires, ...(explained ? [explained.meaning, explained.fix] : [])],
      };
    }
  }
  const scp = typeof claims.scp === 'string' ? claims.scp : token.scopes.join(' ');
  const tokenFacts = [
    `Token for ${String(claims.aud ?? token.resource)} as ${token.account ?? 'the signed-in account'}; scopes: ${scp}`,
    expires,
  ];
  if (api === GLOBAL_RESOURCES.exchange && token.account) {
    const handshake = await testSmtpHandshake(connectionId, tenantOf(connection), token.account, token.accessToken);
    if (handshake)
      return {
        ok: handshake.ok,
        summary: handshake.summary,
        details: [...handshake.details, ...tokenFacts],
        tokens,
      };
  }
  return {
    tokens,
    ok: true,
    summary: `Token acquired for ${String(claims.aud ?? token.resource)} as ${token.account ?? 'the signed-in account'}`,
    details: [
      ...tokenFacts,
      'No SMTP server is known for this Custom cloud: Send test email on the Emails page proves delivery.',
    ],
  };
}
