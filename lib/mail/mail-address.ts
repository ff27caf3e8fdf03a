// An address with an optional display name, as stored in the outbox (JSON arrays) and shown in the console.
// Universal.

export interface MailAddress {
  name: string;
  address: string;
}

export interface OutboundContent {
  id: string;
  messageIdHeader: string;
  createdAt: Date;
  from: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  bcc: MailAddress[];
  replyTo: MailAddress[];
  subject: string;
  text: string | null;
  html: string | null;
  attachments: { filename: string; contentType: string; contentId: string | null; inline: boolean; content: Buffer }[];
  /** A relayed message: sent as these bytes, to this envelope (Bcc included), instead of composed from the above. */
  raw?: RawMessage | null;
}

export interface RawMessage {
  mime: Buffer;
  envelopeFrom: string;
  recipients: string[];
}

/** Reads a stored JSON list of addresses, tolerating anything malformed as "none". */
export function readAddressList(json: string | null | undefined): MailAddress[] {
  try {
    const parsed: unknown = JSON.parse(json ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter(
        (a): a is { address: string; name?: unknown } =>
          typeof a === 'object' && a !== null && typeof (a as { address?: unknown }).address === 'string',
      )
      .map((a) => ({ address: a.address, name: typeof a.name === 'string' ? a.name : '' }));
  } catch {
    return [];
  }
}

export function formatAddress(a: MailAddress): string {
  return a.name ? `${a.name} <${a.address}>` : a.address;
}
