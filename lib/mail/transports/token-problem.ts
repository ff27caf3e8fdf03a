import type { AccessTokenResult } from '@/lib/entra/get-access-token';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';

// Why a connection gave no token, as an attempt's outcome: a sign-in to renew waits for an administrator.

export const CONNECTION_NOT_FOUND: DeliveryOutcome = {
  kind: 'failed',
  code: 'CONNECTION_NOT_FOUND',
  answer: 'The Service Connection chosen in the Email settings no longer exists.',
};

export function tokenProblem(result: Extract<AccessTokenResult, { ok: false }>): DeliveryOutcome {
  if (result.reason === 'not_found') return CONNECTION_NOT_FOUND;
  // Without its context the connection could not even be read (a stored secret that no key opens, say).
  const answer = result.connection
    ? `Service Connection “${result.connection.name}”: ${result.message}`
    : `Service Connection: ${result.message}`;
  if (result.reason === 'needs_reauth') return { kind: 'deferred', code: 'NEEDS_REAUTH', answer };
  if (result.reason === 'not_authenticated') return { kind: 'deferred', code: 'NOT_AUTHENTICATED', answer };
  return { kind: 'retry', code: result.error?.code ?? 'TOKEN', answer };
}
