import 'server-only';

// The JSON a webhook receives for one message. The body is the same on every retry (only the timestamp and
// signature headers change), and `id` is the delivery id of the X-Switchboard-Delivery header.

export interface PayloadMailbox {
  id: string;
  name: string;
  address: string;
}

export interface PayloadMessage {
  id: string;
  internetMessageId: string;
  subject: string;
  fromName: string;
  fromAddress: string;
  toRecipients: string;
  ccRecipients: string;
  attachments: string;
  receivedAt: Date;
  bodyType: string;
  body: string;
  bodyTruncated: boolean;
  mime: Uint8Array | null;
  mimeSize: number;
  mimeStored: boolean;
}

export function buildWebhookPayload(mailbox: PayloadMailbox, message: PayloadMessage): string {
  return JSON.stringify({
    event: 'email.received',
    id: message.id,
    mailbox,
    message: {
      internetMessageId: message.internetMessageId,
      subject: message.subject,
      from: { name: message.fromName, address: message.fromAddress },
      to: JSON.parse(message.toRecipients) as unknown,
      cc: JSON.parse(message.ccRecipients) as unknown,
      receivedAt: message.receivedAt.toISOString(),
      body: { contentType: message.bodyType, content: message.body, truncated: message.bodyTruncated },
      attachments: JSON.parse(message.attachments) as unknown,
      mime: {
        size: message.mimeSize,
        included: message.mimeStored && message.mime !== null,
        ...(message.mime && message.mimeStored ? { base64: Buffer.from(message.mime).toString('base64') } : {}),
      },
    },
  });
}
