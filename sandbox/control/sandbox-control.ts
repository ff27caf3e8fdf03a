import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import type { SandboxSettings } from '../config/sandbox-config-schema';
import { composeMime } from '../graph/compose-mime';
import { findResource } from '../identity/microsoft-resources';
import type { SandboxContext } from '../sandbox-context';
import type { UserRecord } from '../store/directory';
import type { MailAddress, StoredMessage } from '../store/mail-types';
import { parseMimeMessage } from '../store/parse-mime-message';
import type { ThrottleRule } from '../store/throttle-injector';

// The sandbox's control handle: what an administrator would do in the Entra admin center or Exchange
// PowerShell, plus reading mailboxes and counting requests. The HTTP control API calls the same methods.

export interface SandboxMessage {
  id: string;
  folder: string;
  from?: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  replyTo: MailAddress[];
  subject: string;
  text?: string;
  html?: string;
  attachments: { name: string; contentType: string; size: number }[];
  internetMessageId: string;
  isRead: boolean;
  receivedDateTime: string;
  /** The MIME message as stored. */
  raw: string;
}

export interface NewMailboxMessage {
  /** A complete MIME message; when given, the fields below are ignored. */
  raw?: string;
  from?: string;
  to?: string[];
  cc?: string[];
  subject?: string;
  text?: string;
  html?: string;
  attachments?: { name: string; contentType?: string; contentBase64: string }[];
  /** Folder id, well-known name or display name; default inbox. */
  folder?: string;
  isRead?: boolean;
}

export class NotFoundError extends Error {}

const address = (value: string): MailAddress => ({ name: value, address: value.trim().toLowerCase() });

export class SandboxControl {
  constructor(private readonly context: SandboxContext) {}

  private user(identifier: string): UserRecord {
    const user = this.context.directory.findUserAnywhere(identifier);
    if (!user) throw new NotFoundError(`No sandbox user ${identifier}`);
    return user;
  }

  private mailboxOwner(identifier: string): UserRecord & { mailbox: NonNullable<UserRecord['mailbox']> } {
    const user = this.user(identifier);
    if (!user.mailbox) throw new NotFoundError(`${identifier} has no mailbox`);
    return user as UserRecord & { mailbox: NonNullable<UserRecord['mailbox']> };
  }

  /** Revoke-MgUserSignInSession: refresh tokens issued until now fail with AADSTS50173, browser sessions end. */
  revokeRefreshTokens(username: string): void {
    const user = this.user(username);
    user.tokensValidFrom = Date.now() + 1;
    this.context.tokens.endSessionsOf(user.id);
  }

  /** Ages the user's refresh tokens past the inactivity limit: the next use fails with AADSTS700082. */
  expireRefreshTokens(username: string): void {
    const user = this.user(username);
    const aged = Date.now() - this.context.settings.refreshTokenMaxInactiveSeconds * 1000 - 1000;
    for (const record of this.context.tokens.refreshTokensOf(user.id))
      record.issuedAt = Math.min(record.issuedAt, aged);
  }

  revokeConsent(username: string, clientId: string): void {
    const user = this.user(username);
    this.context.tokens.revokeConsent(user.tenantId, clientId, user.id);
  }

  setAccountEnabled(username: string, enabled: boolean): void {
    this.user(username).accountEnabled = enabled;
  }

  /** Every secret of the app expires now: the token endpoint answers AADSTS7000222. */
  expireClientSecret(clientId: string): void {
    const app = this.context.directory.findAppAnywhere(clientId);
    if (!app) throw new NotFoundError(`No app registration ${clientId}`);
    const past = new Date(Date.now() - 1000).toISOString();
    for (const secret of app.secrets) secret.expiresAt = past;
  }

  /**
   * Certificates & secrets → Client secrets → New client secret: one more secret next to the others (Entra lets an app
   * hold several at once, which is how a secret is rotated without downtime). Without a value, one is made up the way
   * Entra makes them (about 40 characters with a "~"); `hint` is its first three characters, as the portal shows it.
   */
  addClientSecret(
    clientId: string,
    options: { value?: string; expiresAt?: string } = {},
  ): { value: string; hint: string; expiresAt: string } {
    const app = this.context.directory.findAppAnywhere(clientId);
    if (!app) throw new NotFoundError(`No app registration ${clientId}`);
    const value = options.value ?? `Sbx8Q~${randomBytes(26).toString('base64url')}`;
    const expiresAt = options.expiresAt ?? new Date(Date.now() + 180 * 86_400_000).toISOString();
    if (!app.secrets.some((s) => s.value === value)) app.secrets.push({ value, expiresAt });
    return { value, hint: value.slice(0, 3), expiresAt };
  }

  /** Deletes one client secret of the app: requests that send it then fail with AADSTS7000215. */
  removeClientSecret(clientId: string, value: string): void {
    const app = this.context.directory.findAppAnywhere(clientId);
    if (!app) throw new NotFoundError(`No app registration ${clientId}`);
    const index = app.secrets.findIndex((s) => s.value === value);
    if (index < 0) throw new NotFoundError(`App registration ${clientId} has no such client secret`);
    app.secrets.splice(index, 1);
  }

  /** Certificates & secrets → Certificates → Upload certificate: the app may then sign client assertions with its key. */
  addCertificate(clientId: string, pem: string): { thumbprintSha256: string; thumbprint: string } {
    const app = this.context.directory.findAppAnywhere(clientId);
    if (!app) throw new NotFoundError(`No app registration ${clientId}`);
    const certificate = new X509Certificate(pem);
    if (!app.certificates.some((c) => new X509Certificate(c.pem).raw.equals(certificate.raw))) {
      app.certificates.push({ pem: certificate.toString() });
    }
    return {
      thumbprintSha256: createHash('sha256').update(certificate.raw).digest('hex').toUpperCase(),
      thumbprint: certificate.fingerprint.replaceAll(':', ''),
    };
  }

  /** Deletes every certificate of the app: assertions signed with their keys fail with AADSTS700027. */
  removeCertificates(clientId: string): void {
    const app = this.context.directory.findAppAnywhere(clientId);
    if (!app) throw new NotFoundError(`No app registration ${clientId}`);
    app.certificates.length = 0;
  }

  redirectUris(clientId: string): string[] {
    const app = this.context.directory.findAppAnywhere(clientId);
    if (!app) throw new NotFoundError(`No app registration ${clientId}`);
    return [...app.redirectUris];
  }

  /** Registers one more redirect URI (a console under test learns its port after the sandbox started). */
  addRedirectUri(clientId: string, uri: string): void {
    const app = this.context.directory.findAppAnywhere(clientId);
    if (!app) throw new NotFoundError(`No app registration ${clientId}`);
    if (!URL.canParse(uri)) throw new TypeError(`${uri} is not an absolute URL`);
    if (!app.redirectUris.includes(uri)) app.redirectUris.push(uri);
  }

  /**
   * The app's application permissions on one resource, admin consent granted (Azure: API permissions → Add a
   * permission → Application permissions, then Grant admin consent; or Remove permission). The next client-credentials
   * token for that resource carries exactly these `roles`.
   */
  setApplicationPermissions(clientId: string, resource: string, permissions: string[]): void {
    const app = this.context.directory.findAppAnywhere(clientId);
    if (!app) throw new NotFoundError(`No app registration ${clientId}`);
    const known = findResource(resource);
    if (!known) throw new NotFoundError(`No resource ${resource}`);
    // A new object: the parsed configuration (shared by every sandbox of the process) stays as it was.
    const others = Object.entries(app.applicationPermissions).filter(([key]) => findResource(key)?.key !== known.key);
    app.applicationPermissions = { ...Object.fromEntries(others), [known.uri]: [...permissions] };
  }

  setApplicationAccessPolicy(
    clientId: string,
    policy: { accessRight: 'RestrictAccess' | 'DenyAccess'; mailboxes: string[] } | null,
  ): void {
    const app = this.context.directory.findAppAnywhere(clientId);
    if (!app) throw new NotFoundError(`No app registration ${clientId}`);
    app.applicationAccessPolicy = policy
      ? { accessRight: policy.accessRight, mailboxes: policy.mailboxes.map((m) => m.toLowerCase()) }
      : undefined;
  }

  /** Set-CASMailbox -SmtpClientAuthenticationDisabled. */
  setSmtpAuthEnabled(mailbox: string, enabled: boolean): void {
    this.mailboxOwner(mailbox).mailbox.smtpAuthEnabled = enabled;
  }

  /** Set-TransportConfig -SmtpClientAuthenticationDisabled for a whole tenant. */
  setTenantSmtpAuthEnabled(tenant: string, enabled: boolean): void {
    const record = this.context.directory.findTenant(tenant);
    if (!record) throw new NotFoundError(`No tenant ${tenant}`);
    record.smtpClientAuthenticationEnabled = enabled;
  }

  /** false: Graph answers MailboxNotEnabledForRESTAPI for this mailbox. */
  setRestEnabled(mailbox: string, enabled: boolean): void {
    this.mailboxOwner(mailbox).mailbox.restEnabled = enabled;
  }

  /** Add-/Remove-RecipientPermission -AccessRights SendAs. */
  setSendAs(mailbox: string, trustee: string, allowed: boolean): void {
    const owner = this.mailboxOwner(mailbox);
    const who = this.user(trustee).address;
    owner.mailbox.sendAs = allowed
      ? [...new Set([...owner.mailbox.sendAs, who])]
      : owner.mailbox.sendAs.filter((t) => t !== who);
  }

  /** Add-/Remove-MailboxPermission -AccessRights FullAccess. */
  setFullAccess(mailbox: string, trustee: string, allowed: boolean): void {
    const owner = this.mailboxOwner(mailbox);
    const who = this.user(trustee).address;
    owner.mailbox.fullAccess = allowed
      ? [...new Set([...owner.mailbox.fullAccess, who])]
      : owner.mailbox.fullAccess.filter((t) => t !== who);
  }

  /**
   * New-ServicePrincipal and Add-MailboxPermission -User <service principal> -AccessRights FullAccess (or
   * Remove-MailboxPermission): whether the app may use the mailbox over app-only SMTP AUTH.
   */
  setAppFullAccess(mailbox: string, clientId: string, allowed: boolean): void {
    const owner = this.mailboxOwner(mailbox);
    const app = this.context.directory.findAppAnywhere(clientId);
    if (!app) throw new NotFoundError(`No app registration ${clientId}`);
    const id = app.clientId.toLowerCase();
    owner.mailbox.appFullAccess = allowed
      ? [...new Set([...owner.mailbox.appFullAccess, id])]
      : owner.mailbox.appFullAccess.filter((a) => a !== id);
  }

  injectThrottle(rule: ThrottleRule): void {
    this.context.throttle.inject(rule);
  }

  /** Messages of a folder (id, well-known name or display name; default inbox), oldest first. */
  readMailbox(mailboxAddress: string, folder = 'inbox'): SandboxMessage[] {
    const mailbox = this.context.mail.mailbox(mailboxAddress);
    if (!mailbox) return [];
    const found = this.context.mail.folder(mailbox, folder) ?? this.context.mail.folderByName(mailbox, folder);
    if (!found) throw new NotFoundError(`No folder ${folder} in ${mailboxAddress}`);
    return this.context.mail
      .messagesIn(mailbox, found.id)
      .sort((a, b) => a.seq - b.seq)
      .map((m) => this.describe(m, found.displayName));
  }

  /** Puts a message straight into a mailbox, as if it had arrived from outside. */
  async addMessage(mailboxAddress: string, message: NewMailboxMessage): Promise<SandboxMessage> {
    const known = this.context.directory.findUserAnywhere(mailboxAddress);
    const mailbox = this.context.mail.mailbox(known?.address ?? mailboxAddress, { external: !known?.mailbox });
    const folderName = message.folder ?? 'inbox';
    const folder = this.context.mail.folder(mailbox, folderName) ?? this.context.mail.folderByName(mailbox, folderName);
    if (!folder) throw new NotFoundError(`No folder ${folderName} in ${mailboxAddress}`);
    const raw = message.raw
      ? Buffer.from(message.raw)
      : await composeMime({
          from: address(message.from ?? 'sender@external.example'),
          toRecipients: (message.to ?? [mailbox.address]).map(address),
          ccRecipients: (message.cc ?? []).map(address),
          bccRecipients: [],
          replyTo: [],
          subject: message.subject ?? '',
          body:
            message.html !== undefined
              ? { contentType: 'html', content: message.html }
              : { contentType: 'text', content: message.text ?? '' },
          attachments: (message.attachments ?? []).map((a) => ({
            name: a.name,
            contentType: a.contentType ?? 'application/octet-stream',
            content: Buffer.from(a.contentBase64, 'base64'),
            isInline: false,
          })),
          headers: [],
          importance: 'normal',
        });
    const stored = this.context.mail.addMessage(mailbox, folder.id, await parseMimeMessage(raw), {
      isRead: message.isRead ?? false,
    });
    return this.describe(stored, folder.displayName);
  }

  /** Every outstanding Graph delta token of the mailbox fails with 410 SyncStateNotFound. */
  invalidateDeltaTokens(mailboxAddress: string): void {
    const mailbox = this.context.mail.mailbox(mailboxAddress);
    if (!mailbox) throw new NotFoundError(`No mailbox ${mailboxAddress}`);
    mailbox.deltaGeneration += 1;
  }

  /** Token endpoint requests (answered or refused) with this grant_type since the last reset. */
  tokenRequestCount(grantType: string): number {
    return this.context.counters.tokenRequests(grantType);
  }

  counters(): Record<string, number> {
    return this.context.counters.snapshot();
  }

  resetCounters(): void {
    this.context.counters.reset();
  }

  setAccessTokenLifetime(seconds: number): void {
    this.updateSettings({ accessTokenLifetimeSeconds: seconds });
  }

  settings(): SandboxSettings {
    return { ...this.context.settings };
  }

  updateSettings(changes: Partial<SandboxSettings>): SandboxSettings {
    Object.assign(this.context.settings, changes);
    return this.settings();
  }

  private describe(m: StoredMessage, folder: string): SandboxMessage {
    return {
      id: m.id,
      folder,
      from: m.from,
      to: m.toRecipients,
      cc: m.ccRecipients,
      bcc: m.bccRecipients,
      replyTo: m.replyTo,
      subject: m.subject,
      text: m.text,
      html: m.html,
      attachments: m.attachments.map((a) => ({ name: a.name, contentType: a.contentType, size: a.size })),
      internetMessageId: m.internetMessageId,
      isRead: m.isRead,
      receivedDateTime: m.receivedDateTime,
      raw: m.raw.toString('utf8'),
    };
  }
}
