import 'server-only';
import { directDb } from '@/lib/db/prisma';
import { type OutboundContent, readAddressList } from '@/lib/mail/mail-address';

export interface LoadedMessage extends OutboundContent {
  graphDraftId: string | null;
  /** Earlier attempts: how many, and which an earlier worker left unfinished (it crashed or was killed). */
  attemptCount: number;
  unfinishedAttempts: string[];
  /** The relay client that handed the message over (its Graph fall-back wins over the settings'); null otherwise. */
  relayClientId: string | null;
}

export interface MessageRow {
  id: string;
  messageIdHeader: string;
  createdAt: Date | string;
  fromAddress: string;
  fromName: string;
  toRecipients: string;
  ccRecipients: string;
  bccRecipients: string;
  replyTo: string;
  subject: string;
  textBody: string | null;
  htmlBody: string | null;
  graphDraftId: string | null;
  rawMime: Buffer | Uint8Array | null;
  envelopeFrom: string | null;
  envelopeRecipients: string | null;
  relayClientId: string | null;
  attemptCount: number;
  /** PostgreSQL: an array; SQLite: a JSON array. */
  unfinished: string[] | string;
  hasAttachments: boolean | number;
}

interface AttachmentRow {
  messageId: string;
  filename: string;
  contentType: string;
  contentId: string | null;
  inline: boolean | number;
  content: Buffer;
}

// The message with its earlier attempts in one statement; attachments in a second one only when a message has any.
// The claim reads the same row in its own transaction (claim-statements.ts), before it records the new attempt.
const COLUMNS = [
  'id',
  'messageIdHeader',
  'fromAddress',
  'fromName',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
  'subject',
  'textBody',
  'htmlBody',
  'graphDraftId',
  'rawMime',
  'envelopeFrom',
  'envelopeRecipients',
  'relayClientId',
];
const columnsOf = (m: string) => COLUMNS.map((c) => `${m}."${c}"`).join(', ');

/** PostgreSQL: the select list of a message row `m`; `table` names a table with its schema. */
export const postgresMessageColumns = (table: (name: string) => string) => {
  const [attempts, attachments] = [table('OutboundAttempt'), table('OutboundAttachment')];
  return `${columnsOf('m')},
  m."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
  (SELECT count(*)::int FROM ${attempts} a WHERE a."messageId" = m."id") AS "attemptCount",
  ARRAY(SELECT a."id" FROM ${attempts} a WHERE a."messageId" = m."id" AND a."outcome" = 'in_progress') AS "unfinished",
  EXISTS (SELECT 1 FROM ${attachments} f WHERE f."messageId" = m."id") AS "hasAttachments"`;
};

/** SQLite: the message rows whose ids are in the JSON list of the one parameter. */
export const SQLITE_MESSAGES_IN = `SELECT ${columnsOf('m')}, m."createdAt",
    (SELECT count(*) FROM "OutboundAttempt" a WHERE a."messageId" = m."id") AS "attemptCount",
    (SELECT json_group_array(a."id") FROM "OutboundAttempt" a WHERE a."messageId" = m."id" AND a."outcome" = 'in_progress') AS "unfinished",
    EXISTS (SELECT 1 FROM "OutboundAttachment" f WHERE f."messageId" = m."id") AS "hasAttachments"
  FROM "OutboundMessage" m WHERE m."id" IN (SELECT "value" FROM json_each(?))`;

async function readRows(ids: string[]): Promise<MessageRow[]> {
  const direct = directDb();
  if (direct.provider === 'postgresql') {
    return direct.query<MessageRow>(
      `SELECT ${postgresMessageColumns((t) => direct.table(t))} FROM ${direct.table('OutboundMessage')} m WHERE m."id" = ANY($1::text[])`,
      [ids],
      'outbox_load',
    );
  }
  return direct.all<MessageRow>(SQLITE_MESSAGES_IN, [JSON.stringify(ids)]);
}

async function readAttachments(ids: string[]): Promise<AttachmentRow[]> {
  const direct = directDb();
  if (direct.provider === 'postgresql')
    return direct.query<AttachmentRow>(
      `SELECT "messageId", "filename", "contentType", "contentId", "inline", "content" FROM ${direct.table('OutboundAttachment')} WHERE "messageId" = ANY($1::text[]) ORDER BY "messageId", "position"`,
      [ids],
    );
  return direct.all<AttachmentRow>(
    `SELECT "messageId", "filename", "contentType", "contentId", "inline", "content" FROM "OutboundAttachment"
       WHERE "messageId" IN (SELECT "value" FROM json_each(?)) ORDER BY "messageId", "position"`,
    [JSON.stringify(ids)],
  );
}

/** Claimed messages with their attachments and earlier attempts, in one or two reads for the whole batch. */
export async function loadOutboundContents(ids: string[]): Promise<Map<string, LoadedMessage>> {
  if (ids.length === 0) return new Map();
  return loadedMessagesOf(await readRows(ids));
}

/** Message rows (read by the claim, or by loadOutboundContents) as messages, their attachments read when they have any. */
export async function loadedMessagesOf(messages: MessageRow[]): Promise<Map<string, LoadedMessage>> {
  const files = new Map<string, LoadedMessage['attachments']>();
  const withFiles = messages.filter((m) => m.hasAttachments).map((m) => m.id);
  if (withFiles.length > 0) {
    for (const a of await readAttachments(withFiles)) {
      const list = files.get(a.messageId) ?? [];
      list.push({
        filename: a.filename,
        contentType: a.contentType,
        contentId: a.contentId,
        inline: Boolean(a.inline),
        content: Buffer.from(a.content),
      });
      files.set(a.messageId, list);
    }
  }
  return new Map(
    messages.map((row) => [
      row.id,
      {
        id: row.id,
        messageIdHeader: row.messageIdHeader,
        createdAt: new Date(row.createdAt),
        from: { address: row.fromAddress, name: row.fromName },
        to: readAddressList(row.toRecipients),
        cc: readAddressList(row.ccRecipients),
        bcc: readAddressList(row.bccRecipients),
        replyTo: readAddressList(row.replyTo),
        subject: row.subject,
        text: row.textBody,
        html: row.htmlBody,
        attachments: files.get(row.id) ?? [],
        graphDraftId: row.graphDraftId,
        raw: row.rawMime
          ? {
              mime: Buffer.from(row.rawMime),
              envelopeFrom: row.envelopeFrom ?? row.fromAddress,
              recipients: readAddressList(row.envelopeRecipients).map((a) => a.address),
            }
          : null,
        relayClientId: row.relayClientId,
        attemptCount: Number(row.attemptCount),
        unfinishedAttempts: (typeof row.unfinished === 'string'
          ? (JSON.parse(row.unfinished) as (string | null)[])
          : row.unfinished
        ).filter((id): id is string => typeof id === 'string'),
      },
    ]),
  );
}
