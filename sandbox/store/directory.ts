import type {
  AppRegistrationConfig,
  ParsedSandboxConfig,
  TenantConfig,
  UserConfig,
} from '../config/sandbox-config-schema';

// The directory (Entra ID) and the Exchange recipient settings, built from the configuration and changed at
// run time through the control API. Records are plain objects mutated in place.

export interface UserRecord extends UserConfig {
  tenantId: string;
  /** Primary SMTP address (mail, else the user principal name). */
  address: string;
  /** Refresh tokens issued before this instant are revoked (AADSTS50173); epoch milliseconds. */
  tokensValidFrom: number;
}

export interface AppRecord extends AppRegistrationConfig {
  tenantId: string;
}

export interface TenantRecord extends Omit<TenantConfig, 'users' | 'applications'> {
  users: UserRecord[];
  applications: AppRecord[];
}

export class Directory {
  readonly tenants: TenantRecord[];

  constructor(config: ParsedSandboxConfig) {
    this.tenants = config.tenants.map((tenant) => ({
      ...tenant,
      users: tenant.users.map((user) => ({
        ...user,
        tenantId: tenant.id,
        address: user.mail ?? user.userPrincipalName,
        tokensValidFrom: 0,
      })),
      applications: tenant.applications.map((app) => ({ ...app, tenantId: tenant.id })),
    }));
  }

  /** By directory id (GUID) or verified domain, as Entra accepts in the authority path. */
  findTenant(identifier: string): TenantRecord | undefined {
    const wanted = identifier.toLowerCase();
    return this.tenants.find((t) => t.id.toLowerCase() === wanted || t.domain === wanted);
  }

  tenantById(id: string): TenantRecord {
    const tenant = this.findTenant(id);
    if (!tenant) throw new Error(`no tenant ${id}`);
    return tenant;
  }

  findApp(tenant: TenantRecord, clientId: string): AppRecord | undefined {
    const wanted = clientId.toLowerCase();
    return tenant.applications.find((a) => a.clientId.toLowerCase() === wanted);
  }

  findAppAnywhere(clientId: string): AppRecord | undefined {
    for (const tenant of this.tenants) {
      const app = this.findApp(tenant, clientId);
      if (app) return app;
    }
    return undefined;
  }

  /** By object id, user principal name or primary address, within one tenant. */
  findUser(tenant: TenantRecord, identifier: string): UserRecord | undefined {
    const wanted = identifier.toLowerCase();
    return tenant.users.find(
      (u) => u.id.toLowerCase() === wanted || u.userPrincipalName === wanted || u.address === wanted,
    );
  }

  /** By object id, user principal name or primary address, in any tenant. */
  findUserAnywhere(identifier: string): UserRecord | undefined {
    for (const tenant of this.tenants) {
      const user = this.findUser(tenant, identifier);
      if (user) return user;
    }
    return undefined;
  }

  userById(id: string): UserRecord {
    const user = this.findUserAnywhere(id);
    if (!user) throw new Error(`no user ${id}`);
    return user;
  }

  /** Exchange's SendAs: a user may always send as itself. */
  canSendAs(trustee: UserRecord, owner: UserRecord): boolean {
    return (
      trustee.id === owner.id ||
      (owner.mailbox?.sendAs.includes(trustee.address) ?? false) ||
      (owner.mailbox?.sendAs.includes(trustee.userPrincipalName) ?? false)
    );
  }

  /** Exchange's FullAccess: a user always has full access to its own mailbox. */
  hasFullAccess(trustee: UserRecord, owner: UserRecord): boolean {
    return (
      trustee.id === owner.id ||
      (owner.mailbox?.fullAccess.includes(trustee.address) ?? false) ||
      (owner.mailbox?.fullAccess.includes(trustee.userPrincipalName) ?? false)
    );
  }

  /** Whether Exchange knows the app's service principal with FullAccess on the mailbox (app-only SMTP AUTH). */
  appHasFullAccess(app: AppRecord, owner: UserRecord): boolean {
    return owner.mailbox?.appFullAccess.includes(app.clientId.toLowerCase()) ?? false;
  }

  /** Whether Exchange's application access policy lets an app (app-only) reach a mailbox. */
  appMayAccessMailbox(app: AppRecord, owner: UserRecord): boolean {
    const policy = app.applicationAccessPolicy;
    if (!policy) return true;
    const listed = policy.mailboxes.includes(owner.address) || policy.mailboxes.includes(owner.userPrincipalName);
    return policy.accessRight === 'RestrictAccess' ? listed : !listed;
  }
}
