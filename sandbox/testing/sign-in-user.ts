import { CryptoProvider, type AuthenticationResult, type ConfidentialClientApplication } from '@azure/msal-node';
import type { TestSandbox } from './start-test-sandbox';
import { BrowserSession } from './browser-session';
import { createMsalClient, type MsalClientOptions } from './create-msal-client';
import { signInWithPages, type SignInOutcome } from './sign-in-with-pages';

// The whole delegated sign-in as the console does it: MSAL builds the authorize URL (PKCE, state, nonce),
// a person signs in and consents on the pages, MSAL redeems the code.

export const TEST_REDIRECT_URI = 'http://localhost:3000/wm/externalAuth/redirect.html';

export interface SignInUserOptions extends MsalClientOptions {
  username: string;
  password: string;
  scopes: string[];
  msal?: ConfidentialClientApplication;
  browser?: BrowserSession;
  prompt?: string;
}

export interface SignedInUser {
  msal: ConfidentialClientApplication;
  browser: BrowserSession;
  outcome: SignInOutcome;
  result: AuthenticationResult;
}

export async function signInUser(sandbox: TestSandbox, options: SignInUserOptions): Promise<SignedInUser> {
  const msal = options.msal ?? createMsalClient(sandbox.info, sandbox.fetch, options);
  const browser = options.browser ?? new BrowserSession(sandbox.fetch);
  const crypto = new CryptoProvider();
  const pkce = await crypto.generatePkceCodes();
  const state = crypto.createNewGuid();
  const nonce = crypto.createNewGuid();
  const url = await msal.getAuthCodeUrl({
    scopes: options.scopes,
    redirectUri: TEST_REDIRECT_URI,
    codeChallenge: pkce.challenge,
    codeChallengeMethod: 'S256',
    state,
    nonce,
    prompt: options.prompt,
  });
  const outcome = await signInWithPages(browser, url, { username: options.username, password: options.password });
  const code = outcome.params.get('code');
  if (!code)
    throw new Error(
      `Sign-in did not return a code: ${outcome.params.get('error_description') ?? outcome.final.html.slice(0, 400)}`,
    );
  if (outcome.params.get('state') !== state) throw new Error('state was not returned unchanged');
  // MSAL Node 7's confidential client checks the id token's nonce against `request.nonce` (it ignores the
  // payload's nonce): pass it in the request.
  const result = await msal.acquireTokenByCode(
    { code, scopes: options.scopes, redirectUri: TEST_REDIRECT_URI, codeVerifier: pkce.verifier, state, nonce },
    { code, state, client_info: outcome.params.get('client_info') ?? undefined },
  );
  return { msal, browser, outcome, result };
}
