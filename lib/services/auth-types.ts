// How Switchboard authenticates to a service. Universal: forms and lists show the labels.

export const AUTH_TYPES = ['delegated', 'application'] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

export const AUTH_TYPE_LABELS: Record<AuthType, string> = {
  delegated: 'OAuth delegated (authorization code)',
  application: 'OAuth application (client credentials)',
};

export function authTypeLabel(value: string): string {
  return (AUTH_TYPE_LABELS as Record<string, string>)[value] ?? value;
}
