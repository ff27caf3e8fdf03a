import { z } from 'zod';

// Which From addresses programs may ask for through the API besides the Default Sender: one address or "@domain"
// per line (or separated by commas). Universal.

const EMAIL = z.email();
const DOMAIN = /^@(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export type AllowedSenders = { ok: true; entries: string[] } | { ok: false; message: string };

export function parseAllowedSenders(text: string): AllowedSenders {
  const entries = [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((e) => e.trim().toLowerCase().replace(/^\*@/, '@'))
        .filter(Boolean),
    ),
  ];
  for (const entry of entries) {
    if (!DOMAIN.test(entry) && !EMAIL.safeParse(entry).success) {
      return { ok: false, message: `“${entry}” is neither an address nor @domain` };
    }
  }
  if (entries.length > 200) return { ok: false, message: 'Use at most 200 entries' };
  return { ok: true, entries };
}
