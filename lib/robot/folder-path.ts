// A folder as the administrator types it: a well-known name ("Inbox", "Sent Items", "archive") or a path of display
// names below the mailbox root or below a well-known folder ("Inbox/Orders", "Processed"). Well-known names work in
// every mailbox language (the German "Posteingang" is still `inbox`). Universal and pure.

const WELL_KNOWN: Record<string, string> = {
  inbox: 'inbox',
  drafts: 'drafts',
  sentitems: 'sentitems',
  'sent items': 'sentitems',
  deleteditems: 'deleteditems',
  'deleted items': 'deleteditems',
  junkemail: 'junkemail',
  'junk email': 'junkemail',
  archive: 'archive',
  outbox: 'outbox',
};

export interface FolderPath {
  /** The well-known name of the first segment, when it is one. */
  wellKnown: string | null;
  /** Display names, top down; the first is the well-known folder's own name when `wellKnown` is set. */
  segments: string[];
}

export function parseFolderPath(text: string): FolderPath {
  const segments = text
    .split('/')
    .map((s) => s.trim())
    .filter(Boolean);
  const first = segments[0]?.toLowerCase() ?? 'inbox';
  const wellKnown = WELL_KNOWN[first] ?? null;
  return { wellKnown, segments: segments.length ? segments : ['Inbox'] };
}
