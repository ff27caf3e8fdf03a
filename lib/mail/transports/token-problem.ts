import type { AccessTokenResult } from '@/lib/entra/get-access-token';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';

// Why a connection gave no token, as an attempt's outcome: a sign-in to renew waits for an administrator.

export const CONNECTION_NOT_FOUND: DeliveryOutcome = { kind: 'failed', code: 'CONNECTION_NOT_FOUND', answer: 'The Service Connection chosen in the Email settings no longer exists.' };

export function tokenProblem(result: Extract<AccessTokenResult, { ok: false }>, connection: string): DeliveryOutcome {
  const answer = `Service Connection “${connection}”: ${result.message}`;
  if (result.reason === 'needs_reauth') return { kind: 'deferred', code: 'NEEDS_REAUTH', answer };
  if (result.reason === 'not_authenticated') return { kind: 'deferred', code: 'NOT_AUTHENTICATED', answer };
  if (result.reason === 'not_found') return CONNECTION_NOT_FOUND;
  return { kind: 'retry', code: result.error?.code ?? 'TOKEN', answer };
}
