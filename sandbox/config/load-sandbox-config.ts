import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { canonicalPermission, findResource } from '../identity/microsoft-resources';
import { sandboxConfigSchema, type ParsedSandboxConfig, type SandboxConfig } from './sandbox-config-schema';

export const DEFAULT_CONFIG_FILE = new URL('../default-config.json', import.meta.url);
const PUBLIC_URL_PLACEHOLDER = '${SWITCHBOARD_PUBLIC_URL}';

export interface LoadConfigOptions {
  /** Replaces `${SWITCHBOARD_PUBLIC_URL}` in redirect URIs; default http://localhost:3000. */
  publicUrl?: string;
  /** Added to every app registration (the console under test runs on an ephemeral port). */
  extraRedirectUris?: string[];
}

/** Reads, expands and validates a configuration: an object, a path to a JSON file, or the default. */
export function loadSandboxConfig(
  source: SandboxConfig | string | undefined,
  options: LoadConfigOptions = {},
): ParsedSandboxConfig {
  const raw: unknown = typeof source === 'object' ? structuredClone(source) : readJson(source ?? DEFAULT_CONFIG_FILE);
  const result = sandboxConfigSchema.safeParse(raw);
  if (!result.success) {
    throw new Error(
      `Invalid sandbox configuration${typeof source === 'string' ? ` in ${source}` : ''}:\n${z.prettifyError(result.error)}`,
    );
  }
  const config = result.data;
  const publicUrl = (options.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
  for (const tenant of config.tenants) {
    for (const app of tenant.applications) {
      const expanded = app.redirectUris.map((uri) => uri.split(PUBLIC_URL_PLACEHOLDER).join(publicUrl));
      app.redirectUris = [...new Set([...expanded, ...(options.extraRedirectUris ?? [])])];
    }
  }
  checkConsistency(config);
  return config;
}

function readJson(file: string | URL): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read sandbox configuration ${String(file)}: ${(error as Error).message}`);
  }
}

function checkConsistency(config: ParsedSandboxConfig): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  const claim = (key: string, what: string) => {
    if (seen.has(key)) problems.push(`${what} is declared twice`);
    seen.add(key);
  };
  for (const tenant of config.tenants) {
    claim(`tenant:${tenant.id.toLowerCase()}`, `tenant ${tenant.id}`);
    claim(`domain:${tenant.domain}`, `domain ${tenant.domain}`);
    for (const user of tenant.users) {
      claim(`address:${user.userPrincipalName}`, `address ${user.userPrincipalName}`);
      if (user.mail && user.mail !== user.userPrincipalName) claim(`address:${user.mail}`, `address ${user.mail}`);
    }
    for (const app of tenant.applications) {
      for (const [kind, grants] of [
        ['delegated', app.delegatedPermissions],
        ['application', app.applicationPermissions],
      ] as const) {
        for (const [resourceId, names] of Object.entries(grants)) {
          const resource = findResource(resourceId);
          if (!resource) {
            problems.push(
              `app ${app.clientId}: unknown resource ${resourceId} (use https://graph.microsoft.com or https://outlook.office.com)`,
            );
            continue;
          }
          for (const name of names) {
            if (!canonicalPermission(resource, name, kind))
              problems.push(`app ${app.clientId}: ${resource.displayName} has no ${kind} permission ${name}`);
          }
        }
      }
      for (const uri of app.redirectUris) {
        if (!URL.canParse(uri)) problems.push(`app ${app.clientId}: redirect URI ${uri} is not an absolute URL`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`Invalid sandbox configuration:\n- ${problems.join('\n- ')}`);
}
