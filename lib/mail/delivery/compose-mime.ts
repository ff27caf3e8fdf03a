import 'server-only';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutboundContent } from '@/lib/mail/mail-address';
import { mailComposerOptions } from './mail-composer-options';

/**
 * The message as RFC 5322 bytes (see mailComposerOptions). `keepBcc`: Graph reads Bcc recipients from the MIME
 * headers (and strips them); over SMTP they travel only in the envelope.
 */
export function composeMime(message: OutboundContent, options: { keepBcc: boolean }): Promise<Buffer> {
  const node = new MailComposer(mailComposerOptions(message)).compile();
  node.keepBcc = options.keepBcc;
  return node.build();
}
