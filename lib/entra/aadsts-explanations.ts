import { GLOBAL_RESOURCES } from './clouds';

// Azure's error codes, in plain language, with what to do about them. Used wherever Microsoft says no: the
// redirect page, Test, Verify credentials, token refresh. The code and Microsoft's own text are always shown too.

export interface AadstsExplanation {
  code: string;
  meaning: string;
  fix: string;
}

const EXPLANATIONS: Record<string, Omit<AadstsExplanation, 'code'>> = {
  AADSTS50011: {
    meaning: 'The redirect URI in the sign-in request is not registered on the app registration.',
    fix: 'In the Azure portal, open the app registration → Authentication → add a "Web" platform redirect URI exactly as shown below, then try again.',
  },
  AADSTS50020: {
    meaning: 'The account that signed in belongs to another directory and is not a guest in this tenant.',
    fix: 'Sign in with an account of this tenant, or invite the account as a guest, or make the app registration multi-tenant.',
  },
  AADSTS50076: {
    meaning: 'Multi-factor authentication is required for this sign-in.',
    fix: 'Run Setup Authentication again and complete the MFA prompt in the sign-in window.',
  },
  AADSTS50126: {
    meaning: 'The user name or password was wrong.',
    fix: "Sign in again with the mailbox account's correct password.",
  },
  AADSTS50173: {
    meaning: "The refresh token was revoked: the user's password changed, or an administrator revoked their sessions.",
    fix: 'Run Setup Authentication again to sign the mailbox account in.',
  },
  AADSTS54005: {
    meaning: 'The authorization code was already redeemed (codes are single use).',
    fix: 'Start Setup Authentication again; do not reload the redirect page.',
  },
  AADSTS65001: {
    meaning: 'The user or an administrator has not consented to the permissions the app asks for.',
    fix: 'Run Setup Authentication and accept the permissions, or grant admin consent in the Azure portal (API permissions → Grant admin consent).',
  },
  AADSTS65004: {
    meaning: 'The person signing in declined to give the app the permissions it asked for.',
    fix: 'Run Setup Authentication again and choose Accept on the permissions page, or ask an administrator to grant admin consent.',
  },
  AADSTS70000: {
    meaning: 'The grant (code or refresh token) is invalid or was issued for another app.',
    fix: 'Run Setup Authentication again.',
  },
  AADSTS700016: {
    meaning: 'No application with this Client ID exists in the directory.',
    fix: "Check the Client ID (Application ID on the app registration's Overview page) and the Tenant ID: the app must be registered in that tenant.",
  },
  AADSTS700082: {
    meaning: 'The refresh token expired because it was not used for too long (90 days).',
    fix: 'Run Setup Authentication again. Switchboard refreshes idle connections in the background so this does not recur.',
  },
  AADSTS70011: {
    meaning:
      'A requested scope is not valid (misspelled, from two resources in one request, or not allowed for this flow).',
    // The global name, as the Services page shows it; a national tenant's token request uses its cloud's (lib/entra/clouds).
    fix: `Check the scopes of the service under Services; client credentials need "${GLOBAL_RESOURCES.graph}/.default".`,
  },
  AADSTS7000215: {
    meaning: "The client secret is wrong. Often the secret's ID was copied instead of its Value.",
    fix: "In the Azure portal → Certificates & secrets, create a new client secret, copy its Value (not the Secret ID) and paste it as the tenant's Client Secret.",
  },
  AADSTS7000222: {
    meaning: 'The client secret has expired.',
    fix: 'Create a new client secret in the Azure portal (Certificates & secrets), paste its Value into the tenant, and set the new expiry date.',
  },
  AADSTS700024: {
    meaning:
      "The client assertion (the token Switchboard signs with the tenant's certificate) was outside its valid time range: this server's clock is probably wrong.",
    fix: "Correct this server's clock (enable NTP time synchronisation), then try again.",
  },
  AADSTS700027: {
    meaning:
      "Microsoft does not know the tenant's certificate: it is not uploaded on the app registration, was deleted there, has expired, or another certificate's key signed the request.",
    fix: "Download the tenant's public certificate (.cer) from Switchboard and upload it in the Azure portal → App registrations → the app → Certificates & secrets → Certificates → Upload certificate (replace the old one if it expired).",
  },
  AADSTS90093: {
    meaning: 'The account that signed in may not consent to these permissions: it lacks the directory role they need.',
    fix: 'Sign in as a Global Administrator or Privileged Role Administrator, or ask one to grant admin consent for the tenant.',
  },
  AADSTS90094: {
    meaning: 'The permissions need an administrator’s consent, and the account that signed in is not an administrator.',
    fix: 'Ask a Global Administrator or Privileged Role Administrator to grant admin consent for the tenant (Grant admin consent on the tenant page, or API permissions → Grant admin consent in the Azure portal).',
  },
  AADSTS90002: {
    meaning: 'The tenant was not found: the Tenant ID is wrong, or the tenant has no active subscription.',
    fix: "Check the Tenant ID (Directory ID on the app registration's Overview page) or use the tenant's verified domain, and the selected Cloud.",
  },
  AADSTS900144: {
    meaning: 'The request is missing a required parameter.',
    fix: 'This is likely a bug in Switchboard or a proxy altering requests; note the correlation id and report it.',
  },
  AADSTS90014: {
    meaning: 'The request is missing a required field.',
    fix: 'This is likely a bug in Switchboard or a proxy altering requests; note the correlation id and report it.',
  },
};

const GENERIC_ERRORS: Record<string, Omit<AadstsExplanation, 'code'>> = {
  access_denied: {
    meaning: 'The sign-in was cancelled or the permissions were declined.',
    fix: 'Run Setup Authentication again and choose Accept on the permissions page.',
  },
  invalid_grant: {
    meaning: 'Microsoft no longer accepts the stored sign-in (expired, revoked or already used).',
    fix: 'Run Setup Authentication again.',
  },
  invalid_client: {
    meaning: "Microsoft did not accept the app's credentials.",
    fix: "Check the tenant's Client ID and Client Secret.",
  },
};

/** The first AADSTS code in Microsoft's description, e.g. "AADSTS50011: The redirect URI…" → "AADSTS50011". */
export function aadstsCodeOf(text: string | null | undefined): string | null {
  return /AADSTS\d+/.exec(text ?? '')?.[0] ?? null;
}

export function explainAadsts(
  error: string | null | undefined,
  description: string | null | undefined,
): AadstsExplanation | null {
  const code = aadstsCodeOf(description) ?? aadstsCodeOf(error);
  if (code && EXPLANATIONS[code]) return { code, ...EXPLANATIONS[code] };
  if (error && GENERIC_ERRORS[error]) return { code: code ?? error, ...GENERIC_ERRORS[error] };
  return code
    ? {
        code,
        meaning: 'Microsoft refused the request.',
        fix: "Read Microsoft's message below; search the code at https://login.microsoftonline.com/error.",
      }
    : null;
}
