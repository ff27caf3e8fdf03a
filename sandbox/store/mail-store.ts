import { randomBytes } from 'node:crypto';
import {
  WELL_KNOWN_FOLDERS,
  type MailFolder,
  type Mailbox,
  type MessageContent,
  type StoredMessage,
} from './mail-types';

// Every mailbox's folders and messages, in memory, with the change log that Graph delta queries read.

function exchangeId(prefix: string): string {
  return `${prefix}${randomBytes(33).toString('base64url')}`;
}

export interface NewMessageState {
  isRead?: boolean;
  isDraft?: boolean;
  receivedDateTime?: string;
}

export class MailStore {
  private readonly mailboxes = new Map<string, Mailbox>();

  /** The mailbox at an address; with `create`, made on first use (external addresses are readable too). */
  mailbox(address: string): Mailbox | undefined;
  mailbox(address: string, create: { external: boolean }): Mailbox;
  mailbox(address: string, create?: { external: boolean }): Mailbox | undefined {
    const key = address.trim().toLowerCase();
    const existing = this.mailboxes.get(key);
    if (existing || !create) return existing;
    const rootFolderId = exchangeId('AAMkAGR');
    const mailbox: Mailbox = {
      address: key,
      external: create.external,
      rootFolderId,
      folders: new Map(),
      messages: new Map(),
      removals: [],
      seq: 0,
      deltaGeneration: 1,
    };
    for (const [wellKnownName, displayName] of Object.entries(WELL_KNOWN_FOLDERS)) {
      const folder: MailFolder = {
        id: exchangeId('AAMkAGF'),
        displayName,
        parentFolderId: rootFolderId,
        wellKnownName,
      };
      mailbox.folders.set(folder.id, folder);
    }
    this.mailboxes.set(key, mailbox);
    return mailbox;
  }

  addresses(): string[] {
    return [...this.mailboxes.keys()];
  }

  /** By id, or by well-known name (`inbox`, `sentitems`...), case-insensitively as Graph does. */
  folder(mailbox: Mailbox, idOrWellKnownName: string): MailFolder | undefined {
    const byId = mailbox.folders.get(idOrWellKnownName);
    if (byId) return byId;
    const name = idOrWellKnownName.toLowerCase();
    if (name === 'msgfolderroot')
      return { id: mailbox.rootFolderId, displayName: 'Top of Information Store', parentFolderId: '' };
    return [...mailbox.folders.values()].find((f) => f.wellKnownName === name);
  }

  /** Folder by display name under a parent (the root by default), case-insensitive. */
  folderByName(mailbox: Mailbox, displayName: string, parentFolderId = mailbox.rootFolderId): MailFolder | undefined {
    const wanted = displayName.toLowerCase();
    return [...mailbox.folders.values()].find(
      (f) => f.parentFolderId === parentFolderId && f.displayName.toLowerCase() === wanted,
    );
  }

  childFolders(mailbox: Mailbox, parentFolderId: string): MailFolder[] {
    return [...mailbox.folders.values()].filter((f) => f.parentFolderId === parentFolderId);
  }

  /** Undefined when a folder of that name already exists under the parent. */
  createFolder(mailbox: Mailbox, displayName: string, parentFolderId = mailbox.rootFolderId): MailFolder | undefined {
    if (this.folderByName(mailbox, displayName, parentFolderId)) return undefined;
    const folder: MailFolder = { id: exchangeId('AAMkAGF'), displayName, parentFolderId };
    mailbox.folders.set(folder.id, folder);
    return folder;
  }

  addMessage(mailbox: Mailbox, folderId: string, content: MessageContent, state: NewMessageState = {}): StoredMessage {
    const now = new Date().toISOString();
    const message: StoredMessage = {
      ...content,
      id: exchangeId('AAMkAGI'),
      folderId,
      createdDateTime: now,
      lastModifiedDateTime: now,
      receivedDateTime: state.receivedDateTime ?? now,
      sentDateTime: content.sentDateTime ?? now,
      isRead: state.isRead ?? false,
      isDraft: state.isDraft ?? false,
      categories: [],
      flagStatus: 'notFlagged',
      changeKey: randomBytes(12).toString('base64'),
      seq: ++mailbox.seq,
    };
    mailbox.messages.set(message.id, message);
    return message;
  }

  messagesIn(mailbox: Mailbox, folderId?: string): StoredMessage[] {
    const all = [...mailbox.messages.values()];
    return folderId ? all.filter((m) => m.folderId === folderId) : all;
  }

  updateMessage(
    mailbox: Mailbox,
    message: StoredMessage,
    changes: Partial<Pick<StoredMessage, 'isRead' | 'categories' | 'flagStatus' | 'subject' | 'importance'>>,
  ): StoredMessage {
    Object.assign(message, changes);
    message.lastModifiedDateTime = new Date().toISOString();
    message.changeKey = randomBytes(12).toString('base64');
    message.seq = ++mailbox.seq;
    return message;
  }

  /** Replaces the content of a draft (PATCH on a draft, attachments added). */
  replaceContent(mailbox: Mailbox, message: StoredMessage, content: Partial<MessageContent>): StoredMessage {
    Object.assign(message, content);
    return this.updateMessage(mailbox, message, {});
  }

  /** Exchange gives a moved item a new id: the old id disappears from the source folder. */
  moveMessage(mailbox: Mailbox, message: StoredMessage, destinationFolderId: string): StoredMessage {
    this.removeMessage(mailbox, message);
    const moved: StoredMessage = {
      ...message,
      id: exchangeId('AAMkAGI'),
      folderId: destinationFolderId,
      lastModifiedDateTime: new Date().toISOString(),
      seq: ++mailbox.seq,
    };
    mailbox.messages.set(moved.id, moved);
    return moved;
  }

  removeMessage(mailbox: Mailbox, message: StoredMessage): void {
    mailbox.messages.delete(message.id);
    mailbox.removals.push({ id: message.id, folderId: message.folderId, seq: ++mailbox.seq });
  }

  /** What changed in a folder after `sinceSeq`, up to and including `untilSeq`. */
  changesSince(
    mailbox: Mailbox,
    folderId: string,
    sinceSeq: number,
    untilSeq: number,
  ): { changed: StoredMessage[]; removedIds: string[] } {
    const changed = this.messagesIn(mailbox, folderId)
      .filter((m) => m.seq > sinceSeq && m.seq <= untilSeq)
      .sort((a, b) => a.seq - b.seq);
    const removedIds =
      sinceSeq === 0
        ? []
        : mailbox.removals
            .filter(
              (r) => r.folderId === folderId && r.seq > sinceSeq && r.seq <= untilSeq && !mailbox.messages.has(r.id),
            )
            .map((r) => r.id);
    return { changed, removedIds: [...new Set(removedIds)] };
  }
}
