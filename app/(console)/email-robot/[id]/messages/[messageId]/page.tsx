import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatDateTime } from '@/components/ui/format-date';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/current-admin';
import { getRobotMessage } from '@/lib/robot/get-robot-message';
import { MIME_LIMIT_BYTES } from '@/lib/robot/robot-limits';
import { MessageStateBadges } from '../../../_components/message-state-badges';

export const metadata = { title: 'Robot message' };

interface Address {
  name: string;
  address: string;
}

interface Attachment {
  name: string;
  contentType: string;
  size: number;
  isInline: boolean;
}

const list = (json: string) =>
  (JSON.parse(json) as Address[])
    .map((a) => (a.name && a.name !== a.address ? `${a.name} <${a.address}>` : a.address))
    .join(', ') || '—';

function bytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** HTML mail is shown as text: rendering a stranger's HTML inside the console would run it with the console's rights. */
function htmlAsText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<(br|\/p|\/div|\/li|\/tr|\/h\d)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export default async function RobotMessagePage({ params }: { params: Promise<{ id: string; messageId: string }> }) {
  await requireAdmin();
  const { id, messageId } = await params;
  const message = await getRobotMessage(id, messageId);
  if (!message) notFound();
  const attachments = JSON.parse(message.attachments) as Attachment[];
  const base = `/email-robot/${id}`;
  return (
    <>
      <PageHeader
        title={message.subject || '(no subject)'}
        description={
          <Link className="underline" href={base}>
            ← {message.mailbox.name}
          </Link>
        }
      />
      <section aria-labelledby="message-headers" className="mb-6 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="message-headers" className="sr-only">
          Headers
        </h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-600">From</dt>
          <dd>
            {message.fromName && message.fromName !== message.fromAddress
              ? `${message.fromName} <${message.fromAddress}>`
              : message.fromAddress || '—'}
          </dd>
          <dt className="font-medium text-slate-600">To</dt>
          <dd>{list(message.toRecipients)}</dd>
          <dt className="font-medium text-slate-600">Cc</dt>
          <dd>{list(message.ccRecipients)}</dd>
          <dt className="font-medium text-slate-600">Received</dt>
          <dd>{formatDateTime(message.receivedAt)}</dd>
          <dt className="font-medium text-slate-600">Internet message id</dt>
          <dd className="break-all font-mono text-xs">{message.internetMessageId}</dd>
          <dt className="font-medium text-slate-600">State</dt>
          <dd className="space-y-1">
            <MessageStateBadges
              handoffState={message.handoffState}
              handoffAttempts={message.handoffAttempts}
              mailboxAction={message.mailboxAction}
            />
            {message.handedOffAt ? (
              <p>
                Handed on {formatDateTime(message.handedOffAt)} after {message.handoffAttempts}{' '}
                {message.handoffAttempts === 1 ? 'attempt' : 'attempts'}.
              </p>
            ) : null}
            {message.handoffState === 'pending' && message.nextHandoffAt ? (
              <p>Next webhook attempt {formatDateTime(message.nextHandoffAt)}.</p>
            ) : null}
            {message.lastHandoffError ? <p className="text-red-800">Webhook: {message.lastHandoffError}</p> : null}
            {message.mailboxActionAt ? (
              <p>
                {message.mailbox.afterProcessing === 'move'
                  ? `Moved to “${message.mailbox.moveToFolder}”`
                  : 'Marked as read'}{' '}
                {formatDateTime(message.mailboxActionAt)}.
              </p>
            ) : null}
            {message.lastMailboxActionError ? (
              <p className="text-red-800">Mailbox: {message.lastMailboxActionError}</p>
            ) : null}
          </dd>
          <dt className="font-medium text-slate-600">Raw MIME</dt>
          <dd>
            {message.mimeStored ? (
              <a className="text-brand-700 underline" href={`${base}/messages/${message.id}/raw`} download>
                Download raw MIME (.eml, {bytes(message.mimeSize)})
              </a>
            ) : (
              `Not stored: the message is ${bytes(message.mimeSize)}, above the ${bytes(MIME_LIMIT_BYTES)} limit.`
            )}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="message-attachments" className="mb-6 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="message-attachments" className="mb-2 text-lg font-semibold">
          Attachments
        </h2>
        {attachments.length === 0 ? (
          <p className="text-sm text-slate-600">None.</p>
        ) : (
          <ul className="list-disc pl-5 text-sm">
            {attachments.map((a, i) => (
              <li key={`${a.name}-${i}`}>
                {a.name}{' '}
                <span className="text-slate-500">
                  ({a.contentType}, {bytes(a.size)}
                  {a.isInline ? ', inline' : ''})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="message-body" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="message-body" className="mb-2 text-lg font-semibold">
          Body
        </h2>
        {message.bodyTruncated ? (
          <p className="mb-2 text-xs text-amber-800">Cut at 1 MB; the full message is in the raw MIME.</p>
        ) : null}
        <pre className="whitespace-pre-wrap break-words text-sm">
          {message.bodyType === 'html' ? htmlAsText(message.body) : message.body}
        </pre>
        {message.bodyType === 'html' ? (
          <details className="mt-4">
            <summary className="cursor-pointer text-sm text-slate-600">HTML source</summary>
            <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-3 font-mono text-xs">
              {message.body}
            </pre>
          </details>
        ) : null}
      </section>
    </>
  );
}
