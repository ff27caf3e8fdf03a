import { AuthError } from '@azure/msal-node';

// MSAL wraps Entra's answer ("Error(s): 7000215 - Timestamp: ... - Description: AADSTS7000215: ..."):
// these helpers get back the error MSAL threw and the description as Entra sent it.

export async function rejection<T extends Error = AuthError>(promise: Promise<unknown>): Promise<T> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('expected the call to fail, and it succeeded');
  return outcome as T;
}

/** From the AADSTS code on. */
export function entraDescription(error: AuthError): string {
  const start = error.errorMessage.indexOf('AADSTS');
  return start === -1 ? error.errorMessage : error.errorMessage.slice(start);
}
