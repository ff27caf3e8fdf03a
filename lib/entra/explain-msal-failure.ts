import 'server-only';
import { logger } from '@/lib/log/logger';
import { cloudEndpoints, type TenantCloud } from './clouds';
import { describeMsalError, describeOAuthError, type MicrosoftError } from './describe-microsoft-error';

/**
 * MSAL reports a failed metadata download as `endpoints_resolution_error` and drops Microsoft's answer, which is
 * where an unknown tenant (AADSTS90002) or an unreachable authority shows. Ask for the metadata ourselves to
 * recover what Microsoft said (an unknown tenant); anything else is one “could not connect”.
 */
export async function explainMsalFailure(
  thrown: unknown,
  tenant: TenantCloud & { directoryId: string },
): Promise<MicrosoftError> {
  const described = describeMsalError(thrown);
  if (described.error !== 'endpoints_resolution_error') return described;
  const { authorityHost } = cloudEndpoints(tenant);
  const url = `${authorityHost}/${encodeURIComponent(tenant.directoryId)}/v2.0/.well-known/openid-configuration`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
    if (response.ok) return described;
    const body = (await response.json().catch(() => ({}))) as { error?: string; error_description?: string };
    if (typeof body.error === 'string' && body.error) return describeOAuthError(body.error, body.error_description);
    logger.info('authority.unreachable', { host: new URL(authorityHost).host, status: response.status });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    logger.info('authority.unreachable', {
      host: new URL(authorityHost).host,
      code: cause?.code ?? (error as Error).name,
    });
  }
  // One answer for a closed port, a filtered one, a server that is not TLS and one that is not an identity platform:
  // an administrator's Custom authority host must not turn Verify credentials into a port scanner. The operator
  // finds the cause in the log.
  return {
    ...described,
    description: `Could not connect to ${authorityHost}, or it did not answer as a Microsoft identity platform`,
    explanation: {
      code: 'network',
      meaning: 'Switchboard could not get the identity platform’s OpenID configuration from this host.',
      fix: 'Check the Cloud (or the Custom authority host), DNS, the outbound proxy and firewall; a private certificate authority must be trusted through NODE_EXTRA_CA_CERTS.',
    },
  };
}
