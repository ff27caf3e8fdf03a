import { z } from 'zod';
import type { MailAddress } from '../store/mail-types';
import type { ComposeAttachment, ComposeInput } from './compose-mime';
import { GraphError, graphErrors } from './graph-error';

// A Graph JSON message (sendMail, create draft, PATCH draft) read into what the MIME composer needs.

const recipientSchema = z.object({
  emailAddress: z.object({ address: z.string().min(1), name: z.string().optional() }),
});

const attachmentSchema = z.object({
  '@odata.type': z.string().optional(),
  name: z.string().default('attachment'),
  contentType: z.string().optional(),
  contentBytes: z.string(),
  isInline: z.boolean().optional(),
  contentId: z.string().optional(),
});

export const graphMessageSchema = z.object({
  subject: z.string().optional(),
  body: z.object({ contentType: z.string().optional(), content: z.string().optional() }).optional(),
  from: recipientSchema.optional(),
  sender: recipientSchema.optional(),
  toRecipients: z.array(recipientSchema).optional(),
  ccRecipients: z.array(recipientSchema).optional(),
  bccRecipients: z.array(recipientSchema).optional(),
  replyTo: z.array(recipientSchema).optional(),
  importance: z.enum(['low', 'normal', 'high', 'Low', 'Normal', 'High']).optional(),
  attachments: z.array(attachmentSchema).optional(),
  internetMessageHeaders: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  internetMessageId: z.string().optional(),
});

export type GraphMessageJson = z.infer<typeof graphMessageSchema>;

function requestBodyRead(error: z.ZodError): GraphError {
  const issue = error.issues[0];
  return new GraphError(
    400,
    'RequestBodyRead',
    `Invalid value for property '${issue?.path.join('.') ?? ''}': ${issue?.message ?? 'invalid'}.`,
  );
}

export function parseGraphMessage(value: unknown): GraphMessageJson {
  const result = graphMessageSchema.safeParse(value ?? {});
  if (!result.success) throw requestBodyRead(result.error);
  return result.data;
}

export const toAddress = (r: z.infer<typeof recipientSchema>): MailAddress => ({
  name: r.emailAddress.name ?? r.emailAddress.address,
  address: r.emailAddress.address.trim().toLowerCase(),
});

export function toAttachment(a: z.infer<typeof attachmentSchema>): ComposeAttachment {
  if (!/^[A-Za-z0-9+/=\s]*$/.test(a.contentBytes))
    throw new GraphError(400, 'ErrorInvalidRequest', 'The attachment content is not valid base64.');
  return {
    name: a.name,
    contentType: a.contentType ?? 'application/octet-stream',
    content: Buffer.from(a.contentBytes, 'base64'),
    isInline: a.isInline ?? false,
    contentId: a.contentId,
  };
}

/** Everything but the sender, which the caller decides (the mailbox, or `from` after a SendAs check). */
export function composeFields(message: GraphMessageJson): Omit<ComposeInput, 'from'> {
  // Graph takes custom headers only: x- names, at most five.
  if ((message.internetMessageHeaders?.length ?? 0) > 5) throw graphErrors.tooManyHeaders();
  for (const header of message.internetMessageHeaders ?? []) {
    if (!/^x-/i.test(header.name)) throw graphErrors.invalidHeader(header.name);
  }
  const contentType = (message.body?.contentType ?? 'text').toLowerCase() === 'html' ? 'html' : 'text';
  return {
    toRecipients: (message.toRecipients ?? []).map(toAddress),
    ccRecipients: (message.ccRecipients ?? []).map(toAddress),
    bccRecipients: (message.bccRecipients ?? []).map(toAddress),
    replyTo: (message.replyTo ?? []).map(toAddress),
    subject: message.subject ?? '',
    body: { contentType, content: message.body?.content ?? '' },
    attachments: (message.attachments ?? []).map(toAttachment),
    headers: message.internetMessageHeaders ?? [],
    importance: (message.importance?.toLowerCase() ?? 'normal') as ComposeInput['importance'],
    internetMessageId: message.internetMessageId,
  };
}
