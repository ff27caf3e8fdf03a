import 'server-only';
import type { RawMessage } from '@/lib/mail/mail-address';

const HEADER_END = /\r?\n\r?\n/;
const ADDRESS = /[^\s<>,;:"()]+@[^\s<>,;:"()]+/g;

/**
 * A relayed message as Graph's MIME send takes it: Graph has no envelope and reads the recipients from the headers,
 * so envelope recipients no To, Cc or Bcc header names (the device's Bcc) are added as a Bcc header, and nobody is
 * lost. Graph strips Bcc from what the other recipients see.
 */
export function graphMimeOf(raw: RawMessage): Buffer {
  const head = raw.mime.subarray(0, Math.min(raw.mime.length, 256 * 1024)).toString('latin1');
  const end = HEADER_END.exec(head);
  const unfolded = (end ? head.slice(0, end.index) : head).replace(/\r?\n[ \t]+/g, ' ');
  const named = new Set<string>();
  for (const line of unfolded.split(/\r?\n/)) {
    if (!/^(to|cc|bcc)\s*:/i.test(line)) continue;
    for (const match of line.slice(line.indexOf(':') + 1).match(ADDRESS) ?? []) named.add(match.toLowerCase());
  }
  const missing = [...new Set(raw.recipients.map((r) => r.toLowerCase()))].filter((r) => !named.has(r));
  if (missing.length === 0) return raw.mime;
  return Buffer.concat([Buffer.from(`Bcc: ${missing.join(', ')}\r\n`, 'latin1'), raw.mime]);
}
