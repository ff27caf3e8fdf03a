import 'server-only';
import { cloudEndpoints, type TenantCloud } from './clouds';
import { describeMsalError, describeOAuthError, type MicrosoftError } from './describe-microsoft-error';

/**
 * MSAL reports a failed metadata download as `endpoints_resolution_error` and drops Microsoft's answer, which is
 * where an unknown tenant (AADSTS90002) or an unreachable authority shows. Ask for the metadata ourselves to
 * recover what Microsoft (or the network) actually said.
 */
export async function explainMsalFailure(thrown: unknown, tenant: TenantCloud & { directoryId: string }): Promise<MicrosoftError> {
  const described = describeMsalError(thrown);
  if (described.error !== 'endpoints_resolution_error') return described;
  const { authorityHost } = cloudEndpoints(tenant);
  const url = `${authorityHost}/${encodeURIComponent(tenant.directoryId)}/v2.0/.well-known/openid-configuration`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
    if (response.ok) return described;
    const body = (await response.json().catch(() => ({}))) as { error?: string; error_description?: string };
    return body.error ? describeOAuthError(body.error, body.error_description) : { ...described, description: `${authorityHost} answered HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return {
      ...described,
      description: `Cannot reach ${authorityHost}: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
      explanation: {
        code: 'network',
        meaning: 'Switchboard could not open a connection to the identity platform.',
        fix: 'Check the Cloud (or the Custom authority host), DNS, the outbound proxy and firewall; a private certificate authority must be trusted through NODE_EXTRA_CA_CERTS.',
      },
    };
  }
}
