import { type AadstsExplanation, aadstsCodeOf, explainAadsts } from './aadsts-explanations';

// What Microsoft said, in a shape the console can show and store: the OAuth error, Microsoft's own description
// (first line only: the rest is trace and correlation ids), the AADSTS code, and our explanation of it.

export interface MicrosoftError {
  error: string;
  description: string;
  code: string | null;
  explanation: AadstsExplanation | null;
  /** The stored sign-in is no longer usable: someone must run Setup Authentication again. */
  needsReauthentication: boolean;
}

const REAUTH_CODES = new Set([
  'AADSTS50173',
  'AADSTS700082',
  'AADSTS70000',
  'AADSTS65001',
  'AADSTS50076',
  'AADSTS70043',
  'AADSTS700084',
]);

interface MsalLikeError {
  errorCode?: unknown;
  errorMessage?: unknown;
  subError?: unknown;
  message?: unknown;
}

function firstLine(text: string): string {
  // MSAL sometimes wraps Microsoft's words: "Error(s): 7000215 - Timestamp: … - Description: AADSTS7000215: … - Trace ID: …".
  const wrapped = /Description:\s*(.*?)(?:\s+-\s+(?:Trace ID|Correlation ID|Timestamp):|$)/is.exec(text)?.[1];
  const line = (wrapped ?? text).split(/\r?\n/)[0] ?? '';
  return line.replace(/\s*Trace ID:.*$/i, '').trim();
}

export function describeOAuthError(error: string, description: string | null | undefined): MicrosoftError {
  const text = firstLine(description ?? '');
  const code = aadstsCodeOf(text) ?? aadstsCodeOf(error);
  return {
    error,
    description: text,
    code,
    explanation: explainAadsts(error, text),
    needsReauthentication:
      error === 'invalid_grant' || error === 'interaction_required' || (code !== null && REAUTH_CODES.has(code)),
  };
}

/** MSAL's errors carry the OAuth error in errorCode and Microsoft's description in errorMessage. */
export function describeMsalError(thrown: unknown): MicrosoftError {
  const e = (thrown ?? {}) as MsalLikeError;
  const errorCode = typeof e.errorCode === 'string' && e.errorCode ? e.errorCode : 'request_failed';
  const message =
    typeof e.errorMessage === 'string' && e.errorMessage
      ? e.errorMessage
      : typeof e.message === 'string'
        ? e.message
        : String(thrown);
  const described = describeOAuthError(errorCode, message);
  if (errorCode === 'no_tokens_found' || errorCode === 'no_account_in_silent_request') {
    return { ...described, needsReauthentication: true };
  }
  return described;
}

/** One line for the connection's "last error": code, Microsoft's words, never a token. */
export function summarizeMicrosoftError(error: MicrosoftError): string {
  const head = error.description || error.error;
  return error.explanation ? `${head} — ${error.explanation.meaning}` : head;
}
