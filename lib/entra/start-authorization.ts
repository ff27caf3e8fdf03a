import 'server-only';
import { ResponseMode } from '@azure/msal-node';
import { encryptSecret } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { createMsalApp } from './create-msal-app';
import { loadConnectionCredentials } from './load-connection-credentials';
import { signInScopes } from './oauth-scopes';
import { createPkcePair, randomToken, sha256 } from './pkce';

export const AUTH_REQUEST_LIFETIME_MS = 10 * 60_000;

export interface StartAuthorizationInput {
  connectionId: string;
  redirectUri: string;
  /** The value of the browser's binding cookie: the redirect must come back to the same browser. */
  browserBinding: string;
  administratorId?: string;
  signInLinkId?: string;
  loginHint?: string;
}

/** Records a single-use authorization request and returns Microsoft's sign-in URL for it. */
export async function startAuthorization(input: StartAuthorizationInput): Promise<{ url: string }> {
  const loaded = await loadConnectionCredentials(input.connectionId);
  if (!loaded) throw new Error('The connection no longer exists');
  if (loaded.authType !== 'delegated') throw new Error('This service uses client credentials: it needs no sign-in');

  const state = randomToken();
  const nonce = randomToken(16);
  const pkce = createPkcePair();
  const scopes = signInScopes(loaded.serviceScopes);
  await db().authRequest.create({
    data: {
      stateHash: sha256(state),
      connectionId: input.connectionId,
      browserBindingHash: sha256(input.browserBinding),
      codeVerifier: encryptSecret(pkce.verifier, 'AuthRequest.codeVerifier'),
      nonce,
      redirectUri: input.redirectUri,
      scopes: scopes.join(' '),
      administratorId: input.administratorId ?? null,
      signInLinkId: input.signInLinkId ?? null,
      expiresAt: new Date(Date.now() + AUTH_REQUEST_LIFETIME_MS),
    },
  });

  const url = await createMsalApp(loaded.tenant).getAuthCodeUrl({
    scopes,
    redirectUri: input.redirectUri,
    state,
    nonce,
    codeChallenge: pkce.challenge,
    codeChallengeMethod: 'S256',
    prompt: 'select_account',
    responseMode: ResponseMode.QUERY,
    ...(input.loginHint ? { loginHint: input.loginHint } : {}),
  });
  return { url };
}
