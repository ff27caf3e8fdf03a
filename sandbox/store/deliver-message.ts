import type { SandboxContext } from '../sandbox-context';
import type { MessageContent, StoredMessage } from './mail-types';
import { parseMimeMessage } from './parse-mime-message';

// Delivery inside the sandbox: every recipient's Inbox gets the message (an address outside the sandbox's
// tenants gets a mailbox made for it, so tests can read what was "sent to the internet"), and the sender's
// Sent Items keeps a copy that shows the Bcc recipients.

export interface Submission {
  raw: Buffer;
  /** Envelope recipients (RCPT TO, or Graph's to/cc/bcc). */
  recipients: string[];
  /** The mailbox whose Sent Items keeps a copy; none for an unauthenticated or external sender. */
  senderMailbox?: string;
  saveToSentItems?: boolean;
}

export interface DeliveryResult {
  internetMessageId: string;
  deliveredTo: string[];
  sentItem?: StoredMessage;
}

export async function deliverMessage(context: SandboxContext, submission: Submission): Promise<DeliveryResult> {
  const content = await parseMimeMessage(submission.raw);
  return deliverParsed(context, content, submission);
}

export function deliverParsed(
  context: SandboxContext,
  content: MessageContent,
  submission: Omit<Submission, 'raw'>,
): DeliveryResult {
  const recipients = [...new Set(submission.recipients.map((r) => r.trim().toLowerCase()).filter(Boolean))];
  const visible = new Set([...content.toRecipients, ...content.ccRecipients].map((a) => a.address));
  const bcc = recipients.filter((r) => !visible.has(r)).map((address) => ({ name: address, address }));
  const now = new Date().toISOString();
  for (const address of recipients) {
    const known = context.directory.findUserAnywhere(address);
    const mailbox = context.mail.mailbox(address, { external: !known?.mailbox });
    const inbox = context.mail.folder(mailbox, 'inbox');
    if (inbox) context.mail.addMessage(mailbox, inbox.id, { ...content, bccRecipients: [] }, { receivedDateTime: now });
  }
  let sentItem: StoredMessage | undefined;
  if (submission.senderMailbox && submission.saveToSentItems !== false) {
    const mailbox = context.mail.mailbox(submission.senderMailbox);
    const sentItems = mailbox && context.mail.folder(mailbox, 'sentitems');
    if (mailbox && sentItems) {
      sentItem = context.mail.addMessage(
        mailbox,
        sentItems.id,
        { ...content, bccRecipients: content.bccRecipients.length ? content.bccRecipients : bcc },
        { isRead: true, receivedDateTime: now },
      );
    }
  }
  return { internetMessageId: content.internetMessageId, deliveredTo: recipients, sentItem };
}
