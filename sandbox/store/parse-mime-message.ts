import { createHash, randomBytes } from 'node:crypto';
import { simpleParser, type AddressObject } from 'mailparser';
import type { MailAddress, MessageContent } from './mail-types';

// A raw RFC 5322 message read with mailparser into what Exchange shows of it.

function addresses(field: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const result: MailAddress[] = [];
  for (const object of objects) {
    for (const entry of object.value) {
      const members = entry.group ?? [entry];
      for (const member of members) {
        if (member.address) result.push({ name: member.name || member.address, address: member.address.toLowerCase() });
      }
    }
  }
  return result;
}

function importance(headers: Map<string, unknown>): MessageContent['importance'] {
  // mailparser reads Importance, Priority, X-Priority and X-MSMail-Priority into one "priority" (high/normal/low).
  const value = String(headers.get('priority') ?? '').toLowerCase();
  if (value.startsWith('high') || value.startsWith('1') || value.startsWith('2')) return 'high';
  if (value.startsWith('low') || value.startsWith('5') || value.startsWith('4')) return 'low';
  return 'normal';
}

function conversationId(references: string | string[] | undefined, messageId: string): string {
  const root = (Array.isArray(references) ? references[0] : references) ?? messageId;
  return `AAQkAG${createHash('sha256').update(root).digest('base64url').slice(0, 40)}=`;
}

export async function parseMimeMessage(raw: Buffer): Promise<MessageContent> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const internetMessageId = parsed.messageId ?? `<${randomBytes(12).toString('hex')}@sandbox.switchboard.local>`;
  const from = addresses(parsed.from)[0];
  const sender = parsed.headers.has('sender') ? addresses(parsed.headers.get('sender') as AddressObject)[0] : undefined;
  return {
    raw,
    internetMessageId,
    subject: parsed.subject ?? '',
    from,
    sender: sender ?? from,
    toRecipients: addresses(parsed.to),
    ccRecipients: addresses(parsed.cc),
    bccRecipients: addresses(parsed.bcc),
    replyTo: addresses(parsed.replyTo),
    text: parsed.text,
    html: parsed.html === false ? undefined : parsed.html,
    attachments: parsed.attachments.map((a) => ({
      id: `AAMkAGA${randomBytes(24).toString('base64url')}`,
      name: a.filename ?? 'attachment',
      contentType: a.contentType,
      size: a.size,
      isInline: a.contentDisposition === 'inline' || a.related,
      contentId: a.cid,
      content: a.content,
    })),
    importance: importance(parsed.headers as Map<string, unknown>),
    sentDateTime: parsed.date?.toISOString(),
    headers: parsed.headerLines.map((line) => {
      const colon = line.line.indexOf(':');
      return {
        name: line.line.slice(0, colon).trim(),
        value: line.line
          .slice(colon + 1)
          .replace(/\r?\n\s+/g, ' ')
          .trim(),
      };
    }),
    conversationId: conversationId(parsed.references, internetMessageId),
  };
}
