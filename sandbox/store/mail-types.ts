// The shapes of what the sandbox's Exchange keeps: mailboxes, folders, messages.

export interface MailAddress {
  name: string;
  address: string;
}

export interface StoredAttachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
  contentId?: string;
  content: Buffer;
}

/** What a message is made of, independent of where it is stored. */
export interface MessageContent {
  raw: Buffer;
  internetMessageId: string;
  subject: string;
  from?: MailAddress;
  sender?: MailAddress;
  toRecipients: MailAddress[];
  ccRecipients: MailAddress[];
  bccRecipients: MailAddress[];
  replyTo: MailAddress[];
  text?: string;
  html?: string;
  attachments: StoredAttachment[];
  importance: 'low' | 'normal' | 'high';
  sentDateTime?: string;
  headers: { name: string; value: string }[];
  conversationId: string;
}

export interface StoredMessage extends MessageContent {
  id: string;
  folderId: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  receivedDateTime: string;
  isRead: boolean;
  isDraft: boolean;
  categories: string[];
  flagStatus: 'notFlagged' | 'flagged' | 'complete';
  changeKey: string;
  /** The mailbox's change counter when this message last changed (drives delta queries). */
  seq: number;
}

export interface MailFolder {
  id: string;
  displayName: string;
  parentFolderId: string;
  wellKnownName?: string;
}

export interface Removal {
  id: string;
  folderId: string;
  seq: number;
}

export interface Mailbox {
  address: string;
  /** A mailbox the sandbox made up for an address outside its tenants, so mail sent there can be read. */
  external: boolean;
  rootFolderId: string;
  folders: Map<string, MailFolder>;
  messages: Map<string, StoredMessage>;
  removals: Removal[];
  seq: number;
  /** Bumped to make every outstanding delta token fail with SyncStateNotFound. */
  deltaGeneration: number;
}

export const WELL_KNOWN_FOLDERS: Record<string, string> = {
  inbox: 'Inbox',
  drafts: 'Drafts',
  sentitems: 'Sent Items',
  deleteditems: 'Deleted Items',
  junkemail: 'Junk Email',
  archive: 'Archive',
  outbox: 'Outbox',
};
