// The last day a new client secret may run to: Microsoft lets one last at most two years from its creation (the
// portal's longest choice is 24 months). Universal: the Rotate form's date field and its schema use it alike.
export function latestSecretExpiry(now: Date = new Date()): string {
  const limit = new Date(Date.UTC(now.getUTCFullYear() + 2, now.getUTCMonth(), now.getUTCDate()));
  return limit.toISOString().slice(0, 10);
}
