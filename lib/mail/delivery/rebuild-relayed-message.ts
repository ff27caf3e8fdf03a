import 'server-only';
import { type HeaderLines, simpleParser } from 'mailparser';
import type { MailAddress, OutboundContent, RawMessage } from '@/lib/mail/mail-address';
import { parsedAddresses } from '@/lib/mail/parsed-addresses';
import type { DraftContent } from './send-graph-draft';

// Graph's internetMessageHeaders takes only names starting with x- (InvalidInternetMessageHeader otherwise) and at
// most five of them (InvalidInternetMessageHeaderCollection).
export const GRAPH_MAX_CUSTOM_HEADERS = 5;
// Carried by the draft's importance instead (Exchange writes its own priority headers from it).
const PRIORITY_HEADERS = /^x-(priority|msmail-priority)$/i;

/** The device's X- headers as written (encoded words kept), unfolded; the first five Graph can take. */
export function customHeadersOf(lines: HeaderLines): { name: string; value: string }[] {
  return lines
    .map((h) => {
      const colon = h.line.indexOf(':');
      return { name: h.line.slice(0, colon).trim(), value: h.line.slice(colon + 1).replace(/\r?\n[ \t]*/g, ' ') };
    })
    .filter((h) => /^x-/i.test(h.name) && !PRIORITY_HEADERS.test(h.name))
    .map((h) => ({ name: h.name, value: h.value.trim() }))
    .slice(0, GRAPH_MAX_CUSTOM_HEADERS);
}

// Graph needs a name for every file; parts that came without one.
const UNNAMED: Record<string, string> = { 'message/rfc822': 'message.eml', 'text/calendar': 'invite.ics' };

function unique(list: MailAddress[]): MailAddress[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const key = a.address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A relayed message too large for Graph's MIME send, read back into the parts a Graph draft is made of: the
 * recipients of its To, Cc and Bcc headers plus every envelope recipient those do not name (as Bcc, so nobody is lost),
 * Reply-To, subject, the HTML body (or the text one when there is none), every attachment with its file name and type
 * (inline ones with their Content-ID, so cid: links keep working), the Message-ID fixed at acceptance, its importance
 * and the X- headers Graph accepts. Everything else of the original MIME is not carried (see the README).
 */
export async function rebuildRelayedMessage(message: OutboundContent, raw: RawMessage): Promise<DraftContent> {
  const parsed = await simpleParser(raw.mime, {
    keepCidLinks: true,
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  });
  const from = parsedAddresses(parsed.from)[0] ?? message.from;
  const to = unique(parsedAddresses(parsed.to));
  const cc = unique(parsedAddresses(parsed.cc));
  const named = new Set([...to, ...cc].map((a) => a.address.toLowerCase()));
  const bcc = unique([
    ...parsedAddresses(parsed.bcc),
    ...raw.recipients.map((address) => ({ address, name: '' })),
  ]).filter((a) => !named.has(a.address.toLowerCase()));
  const html = typeof parsed.html === 'string' ? parsed.html : null;
  // mailparser reads X-Priority, X-MSMail-Priority, Importance and Priority into one "priority" header.
  const priority = parsed.headers.get('priority');
  return {
    ...message,
    from,
    to,
    cc,
    bcc,
    replyTo: unique(parsedAddresses(parsed.replyTo)),
    subject: parsed.subject ?? '',
    html,
    text: html === null ? (parsed.text ?? '') : null,
    attachments: parsed.attachments.map((a) => {
      const inline = Boolean(a.cid) && (a.related || a.contentDisposition === 'inline');
      return {
        filename: a.filename ?? UNNAMED[a.contentType] ?? 'attachment',
        contentType: a.contentType,
        contentId: inline ? (a.cid ?? null) : null,
        inline,
        content: a.content,
      };
    }),
    headers: customHeadersOf(parsed.headerLines),
    importance: priority === 'high' || priority === 'low' ? priority : 'normal',
    raw: null,
  };
}
