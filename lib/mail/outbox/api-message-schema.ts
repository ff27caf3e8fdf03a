import { z } from 'zod';
import type { MailAddress } from '@/lib/mail/mail-address';

// The body of POST /api/v1/messages. Universal. Addresses are "a@b.c", "Name <a@b.c>" or { address, name };
// attachments carry base64 content. Limits follow Exchange Online's defaults (35 MB per message, 500 recipients).

export const MAX_MESSAGE_BYTES = 35 * 1024 * 1024;
export const MAX_RECIPIENTS = 500;

const EMAIL = z.email();
const oneLine = (v: string) => v.replace(/[\r\n\t]+/g, ' ').trim();

const address = z
  .union([z.string(), z.object({ address: z.string(), name: z.string().max(200).optional() })])
  .transform((value, ctx): MailAddress => {
    let parsed: MailAddress;
    if (typeof value === 'string') {
      const named = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value);
      parsed = named
        ? { name: oneLine(named[1] ?? ''), address: (named[2] ?? '').trim() }
        : { name: '', address: value.trim() };
    } else {
      parsed = { name: oneLine(value.name ?? ''), address: value.address.trim() };
    }
    if (!EMAIL.safeParse(parsed.address).success) {
      ctx.addIssue({ code: 'custom', message: `“${parsed.address.slice(0, 100)}” is not an email address` });
      return z.NEVER;
    }
    return { name: parsed.name, address: parsed.address.toLowerCase() };
  });

// One address or a list: read as a list, so that an error names the entry (to.0, to.1, …).
const addresses = z.preprocess(
  (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]),
  z.array(address).max(MAX_RECIPIENTS, `At most ${MAX_RECIPIENTS} addresses`),
);

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}\s*$/;

const attachment = z.object({
  filename: z.string().transform(oneLine).pipe(z.string().min(1, 'Give the attachment a file name').max(255)),
  content: z.string().refine((v) => BASE64.test(v), 'Give the content in base64'),
  contentType: z
    .string()
    .regex(/^[\w.+-]+\/[\w.+-]+$/, 'A MIME type such as application/pdf')
    .optional(),
  contentId: z
    .string()
    .max(200)
    .regex(/^[^<>\s]+$/, 'A Content-ID without <>')
    .optional(),
  inline: z.boolean().optional(),
});

export const apiMessageSchema = z
  .object({
    to: addresses,
    cc: addresses,
    bcc: addresses,
    subject: z.string().max(998, 'At most 998 characters').transform(oneLine).default(''),
    text: z.string().optional(),
    html: z.string().optional(),
    attachments: z.array(attachment).max(100, 'At most 100 attachments').optional(),
    from: address.optional(),
    replyTo: addresses,
  })
  .transform((input, ctx) => {
    const recipients = input.to.length + input.cc.length + input.bcc.length;
    if (recipients === 0)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Give at least one recipient in to, cc or bcc' });
    if (recipients > MAX_RECIPIENTS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${MAX_RECIPIENTS} recipients in all` });
    if (input.text === undefined && input.html === undefined)
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'Give a text or an html body' });
    const files = (input.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType ?? 'application/octet-stream',
      contentId: a.contentId ?? null,
      inline: a.inline ?? false,
      content: Buffer.from(a.content, 'base64'),
    }));
    const size =
      Buffer.byteLength(input.text ?? '') +
      Buffer.byteLength(input.html ?? '') +
      files.reduce((sum, f) => sum + f.content.length, 0);
    if (size > MAX_MESSAGE_BYTES)
      ctx.addIssue({
        code: 'custom',
        path: ['attachments'],
        message: `The message is larger than ${MAX_MESSAGE_BYTES / 1024 / 1024} MB`,
      });
    return { ...input, text: input.text ?? null, html: input.html ?? null, attachments: files };
  });

export type ApiMessage = z.output<typeof apiMessageSchema>;
