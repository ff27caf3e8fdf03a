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

interface MessageRow {
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
const COLUMNS = `"id", "messageIdHeader", "fromAddress", "fromName", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "subject",
  "textBody", "htmlBody", "graphDraftId", "rawMime", "envelopeFrom", "envelopeRecipients", "relayClientId"`;

async function readRows(
  ids: string[],
): Promise<{ messages: MessageRow[]; attachments: () => Promise<AttachmentRow[]> }> {
  const direct = directDb();
  if (direct.provider === 'postgresql') {
    const [messages, attempts, attachments] = ['OutboundMessage', 'OutboundAttempt', 'OutboundAttachment'].map((t) =>
      direct.table(t),
    );
    const rows = await direct.query<MessageRow>(
      `SELECT ${COLUMNS}, "createdAt" AT TIME ZONE 'UTC' AS "createdAt",
         (SELECT count(*)::int FROM ${attempts} a WHERE a."messageId" = m."id") AS "attemptCount",
         ARRAY(SELECT a."id" FROM ${attempts} a WHERE a."messageId" = m."id" AND a."outcome" = 'in_progress') AS "unfinished",
         EXISTS (SELECT 1 FROM ${attachments} f WHERE f."messageId" = m."id") AS "hasAttachments"
       FROM ${messages} m WHERE m."id" = ANY($1::text[])`,
      [ids],
      'outbox_load',
    );
    const withFiles = rows.filter((r) => r.hasAttachments).map((r) => r.id);
    return {
      messages: rows,
      attachments: () =>
        direct.query<AttachmentRow>(
          `SELECT "messageId", "filename", "contentType", "contentId", "inline", "content" FROM ${attachments} WHERE "messageId" = ANY($1::text[]) ORDER BY "messageId", "position"`,
          [withFiles],
        ),
    };
  }
  const list = JSON.stringify(ids);
  const rows = direct.all<MessageRow>(
    `SELECT ${COLUMNS}, "createdAt",
         (SELECT count(*) FROM "OutboundAttempt" a WHERE a."messageId" = m."id") AS "attemptCount",
         (SELECT json_group_array(a."id") FROM "OutboundAttempt" a WHERE a."messageId" = m."id" AND a."outcome" = 'in_progress') AS "unfinished",
         EXISTS (SELECT 1 FROM "OutboundAttachment" f WHERE f."messageId" = m."id") AS "hasAttachments"
       FROM "OutboundMessage" m WHERE m."id" IN (SELECT "value" FROM json_each(?))`,
    [list],
  );
  const withFiles = JSON.stringify(rows.filter((r) => r.hasAttachments).map((r) => r.id));
  return {
    messages: rows,
    attachments: async () =>
      direct.all<AttachmentRow>(
        `SELECT "messageId", "filename", "contentType", "contentId", "inline", "content" FROM "OutboundAttachment"
           WHERE "messageId" IN (SELECT "value" FROM json_each(?)) ORDER BY "messageId", "position"`,
        [withFiles],
      ),
  };
}

/** Claimed messages with their attachments and earlier attempts, in one or two reads for the whole batch. */
export async function loadOutboundContents(ids: string[]): Promise<Map<string, LoadedMessage>> {
  if (ids.length === 0) return new Map();
  const { messages, attachments } = await readRows(ids);
  const files = new Map<string, LoadedMessage['attachments']>();
  if (messages.some((m) => m.hasAttachments)) {
    for (const a of await attachments()) {
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
