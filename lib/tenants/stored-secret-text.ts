// "set on 2026-11-21, ends ••••ab12": how a stored client secret is described. Universal: the list (server) and the
// tenant form (client) say it the same way. The hint is empty for secrets too short to show any of.
export function storedSecretText(secret: { setOn: string; hint: string | null }): string {
  return `set on ${secret.setOn}${secret.hint ? `, ends ••••${secret.hint}` : ''}`;
}
