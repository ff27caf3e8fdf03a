import { z } from 'zod';

// The shape of a sandbox configuration file (see sandbox/default-config.json and sandbox/README.md).
// Permissions are keyed by the resource's URI as Entra shows them under "API permissions".

const guid = z.guid({ message: 'must be a GUID like 00000000-0000-0000-0000-000000000000' });
const address = z.string().trim().toLowerCase().email();

const permissionsByResource = z.record(z.string(), z.array(z.string()));

export const clientSecretSchema = z.object({
  /** The value a client sends as client_secret. */
  value: z.string().min(1),
  /** ISO date-time after which Entra answers AADSTS7000222. */
  expiresAt: z.iso.datetime({ offset: true }),
});

export const appCertificateSchema = z.object({
  /** The public certificate (PEM) uploaded under Certificates & secrets → Certificates. */
  pem: z.string().includes('-----BEGIN CERTIFICATE-----'),
});

export const applicationAccessPolicySchema = z.object({
  /** Exchange's ApplicationAccessPolicy: RestrictAccess = only these mailboxes, DenyAccess = all but these. */
  accessRight: z.enum(['RestrictAccess', 'DenyAccess']),
  mailboxes: z.array(address),
});

export const appRegistrationSchema = z.object({
  clientId: guid,
  displayName: z.string().min(1),
  secrets: z.array(clientSecretSchema).default([]),
  /** Certificates whose key may sign a client assertion (private_key_jwt). */
  certificates: z.array(appCertificateSchema).default([]),
  /** Exact redirect URIs. `${SWITCHBOARD_PUBLIC_URL}` is replaced when the file is loaded. */
  redirectUris: z.array(z.string()).default([]),
  /** Delegated permissions configured on the registration (what `/.default` means for a user). */
  delegatedPermissions: permissionsByResource.default({}),
  /** Application permissions (app roles), all admin-consented: they become `roles` in client-credential tokens. */
  applicationPermissions: permissionsByResource.default({}),
  /** When true every configured delegated permission is consented for all users: no consent page. */
  adminConsentGranted: z.boolean().default(false),
  applicationAccessPolicy: applicationAccessPolicySchema.optional(),
});

export const mailboxSchema = z.object({
  type: z.enum(['user', 'shared']).default('user'),
  /** false: Graph answers MailboxNotEnabledForRESTAPI (an on-premises or inactive mailbox). */
  restEnabled: z.boolean().default(true),
  /** false: SMTP AUTH answers 535 5.7.139 (Set-CASMailbox -SmtpClientAuthenticationDisabled $true). */
  smtpAuthEnabled: z.boolean().default(true),
  /** Users (by address) with FullAccess to this mailbox (Add-MailboxPermission). */
  fullAccess: z.array(address).default([]),
  /** Users (by address) with SendAs on this mailbox (Add-RecipientPermission). */
  sendAs: z.array(address).default([]),
  /**
   * Apps (by client id) whose service principal Exchange knows and has FullAccess on this mailbox (New-ServicePrincipal,
   * then Add-MailboxPermission -User <service principal>): app-only SMTP AUTH to the mailbox needs it.
   */
  appFullAccess: z.array(z.string().trim().toLowerCase()).default([]),
});

export const userSchema = z.object({
  id: guid,
  userPrincipalName: address,
  displayName: z.string().min(1),
  givenName: z.string().optional(),
  surname: z.string().optional(),
  /** Absent: the account cannot sign in (like a shared mailbox's disabled account). */
  password: z.string().min(1).optional(),
  accountEnabled: z.boolean().default(true),
  /** Primary SMTP address; defaults to the user principal name. */
  mail: address.optional(),
  /**
   * Entra directory roles held by the user. "Global Administrator" and "Privileged Role Administrator" may grant
   * tenant-wide admin consent (application permissions included); anyone else gets AADSTS90094 at /adminconsent.
   */
  directoryRoles: z.array(z.string()).default([]),
  /** null: the user has no Exchange Online mailbox (no licence). */
  mailbox: mailboxSchema.nullable().default(() => mailboxSchema.parse({})),
});

export const tenantSchema = z.object({
  id: guid,
  domain: z.string().trim().toLowerCase().min(3),
  displayName: z.string().min(1),
  /** false: SMTP AUTH is disabled for the whole organisation (Set-TransportConfig). */
  smtpClientAuthenticationEnabled: z.boolean().default(true),
  users: z.array(userSchema).default([]),
  applications: z.array(appRegistrationSchema).default([]),
});

export const sandboxSettingsSchema = z.object({
  accessTokenLifetimeSeconds: z.number().int().positive().default(3599),
  /** Entra's refresh tokens expire after 90 days without use (AADSTS700082). */
  refreshTokenMaxInactiveSeconds: z
    .number()
    .int()
    .positive()
    .default(90 * 24 * 3600),
  authorizationCodeLifetimeSeconds: z.number().int().positive().default(600),
  /** Graph delta tokens older than this answer 410 SyncStateNotFound; unset means they do not expire. */
  deltaTokenLifetimeSeconds: z.number().int().positive().optional(),
  /** Not Entra behaviour: reject a refresh token once it has been exchanged (catches clients that keep the old one). */
  rejectRotatedRefreshTokens: z.boolean().default(false),
  /**
   * Exchange allows three connections per mailbox to submit at the same time; a further one gets `432 4.3.2
   * Concurrent connections limit exceeded.` Unset: no limit (set 3 to act as Exchange Online).
   */
  smtpConcurrentSubmissionsPerMailbox: z.number().int().positive().optional(),
  /**
   * Exchange's SMTP AUTH message rate (30 a minute): beyond it, submissions are accepted and their delivery is carried
   * over to the following windows. Unset: no limit.
   */
  smtpMessagesPerWindow: z.number().int().positive().optional(),
  /** The window of `smtpMessagesPerWindow` (Exchange: 60 seconds; tests scale it down). */
  smtpRateWindowSeconds: z.number().positive().default(60),
});

const resourceName = z
  .url({ protocol: /^https$/, message: 'must be an https:// origin such as https://graph.contoso.test' })
  .transform((value) => value.toLowerCase().replace(/\/+$/, ''))
  .refine((value) => new URL(value).origin === value, 'must be an https:// origin, without a path');

/**
 * The resource names (Application ID URIs) the sandbox's cloud answers for, as a national cloud answers for its own
 * (https://graph.microsoft.us, https://outlook.office365.us). Absent: Microsoft's global names
 * (https://graph.microsoft.com; https://outlook.office.com and https://outlook.office365.com for Exchange). Set: only
 * these names (and the APIs' application ids) are known, and a scope naming another resource, the global ones
 * included, gets Entra's AADSTS500011.
 */
export const resourceNamesSchema = z
  .object({ graph: resourceName, exchange: resourceName })
  .refine((names) => names.graph !== names.exchange, 'graph and exchange must be different names');

export const sandboxConfigSchema = z.object({
  tenants: z.array(tenantSchema).min(1),
  resources: resourceNamesSchema.optional(),
  settings: sandboxSettingsSchema.default(() => sandboxSettingsSchema.parse({})),
});

export type SandboxConfig = z.input<typeof sandboxConfigSchema>;
export type ParsedSandboxConfig = z.output<typeof sandboxConfigSchema>;
export type TenantConfig = z.output<typeof tenantSchema>;
export type UserConfig = z.output<typeof userSchema>;
export type MailboxConfig = z.output<typeof mailboxSchema>;
export type AppRegistrationConfig = z.output<typeof appRegistrationSchema>;
export type SandboxSettings = z.output<typeof sandboxSettingsSchema>;
export type ResourceNamesConfig = z.output<typeof resourceNamesSchema>;
