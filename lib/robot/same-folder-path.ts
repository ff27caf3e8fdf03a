import { type FolderPath, parseFolderPath } from './folder-path';

/** The same folder typed two ways ("inbox" and "Inbox/", "Sent Items" and "sentitems") compares equal. Universal. */
export function sameFolderPath(a: string, b: string): boolean {
  const key = (p: FolderPath) =>
    [p.wellKnown ?? p.segments[0]?.toLowerCase(), ...p.segments.slice(1).map((s) => s.toLowerCase())].join('/');
  return key(parseFolderPath(a)) === key(parseFolderPath(b));
}
