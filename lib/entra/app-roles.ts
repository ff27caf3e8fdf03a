import { z } from 'zod';

// The application roles of a connection's last tokens, per resource, as stored in ServiceConnection.appRoles.
// Universal.

const appRolesSchema = z.record(z.string(), z.array(z.string()));

export type AppRoles = z.infer<typeof appRolesSchema>;

export function readAppRoles(json: string | null | undefined): AppRoles | null {
  if (!json) return null;
  try {
    const parsed = appRolesSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The stored value after a token for `resource` carried `roles`; other resources keep what was seen for them. */
export function withAppRoles(json: string | null | undefined, resource: string, roles: readonly string[]): string {
  return JSON.stringify({ ...(readAppRoles(json) ?? {}), [resource]: [...roles] });
}
