import { notFound } from 'next/navigation';
import { DeleteButton } from '@/components/ui/delete-button';
import { formatDateTime } from '@/components/ui/format-date';
import { formatSize } from '@/components/ui/format-size';
import { PageHeader } from '@/components/ui/page-header';
import { requireAdmin } from '@/lib/auth/current-admin';
import { explainDeliveryError } from '@/lib/mail/delivery/explain-delivery-error';
import { formatAddress, readAddressList } from '@/lib/mail/mail-address';
import { getOutboxMessage } from '@/lib/mail/outbox/get-outbox-message';
import { deleteMessageAction } from '../actions';
import { AttemptsTable } from '../_components/attempts-table';
import { OutboxStateBadge } from '../_components/outbox-state-badge';
import { ResendButton } from '../_components/resend-button';

export const metadata = { title: 'Outbox message' };

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd className="min-w-0 [overflow-wrap:anywhere]">{children}</dd>
    </>
  );
}

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const message = await getOutboxMessage(id);
  if (!message) notFound();
  const list = (json: string) => readAddressList(json).map(formatAddress).join(', ') || '—';
  const explanation = message.state !== 'sent' ? explainDeliveryError(message.lastErrorCode, message.lastError) : null;
  const sending = message.state === 'sending' && message.leaseUntil !== null && message.leaseUntil > new Date();
  return (
    <>
      <PageHeader
        title={message.subject || '(no subject)'}
        description={`Accepted ${formatDateTime(message.createdAt)} from ${message.source === 'api' ? 'the API' : message.source === 'test' ? 'Send test email' : message.source}`}
      />
      <dl className="mb-6 grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-6 text-sm sm:grid-cols-[max-content_1fr]">
        <Row label="State">
          <OutboxStateBadge state={message.state} />
          {message.state === 'queued' ? (
            <span className="ml-2 text-slate-600">next attempt {formatDateTime(message.nextAttemptAt)}</span>
          ) : null}
          {message.state === 'sent' ? (
            <span className="ml-2 text-slate-600">{formatDateTime(message.sentAt)}</span>
          ) : null}
          {message.state === 'failed' ? (
            <span className="ml-2 text-slate-600">{formatDateTime(message.failedAt)}</span>
          ) : null}
        </Row>
        <Row label="From">{formatAddress({ address: message.fromAddress, name: message.fromName })}</Row>
        <Row label="To">{list(message.toRecipients)}</Row>
        <Row label="Cc">{list(message.ccRecipients)}</Row>
        <Row label="Bcc">{list(message.bccRecipients)}</Row>
        <Row label="Reply-To">{list(message.replyTo)}</Row>
        <Row label="Message-ID">
          <code className="text-xs">{message.messageIdHeader}</code>
        </Row>
        <Row label="Provider message id">
          {message.providerMessageId ? <code className="text-xs">{message.providerMessageId}</code> : '—'}
        </Row>
        <Row label="Size">{formatSize(message.size)}</Row>
        <Row label="Attachments">
          {message.attachments.length
            ? message.attachments
                .map((a) => `${a.filename} (${a.contentType}, ${formatSize(a.size)}${a.inline ? ', inline' : ''})`)
                .join('; ')
            : '—'}
        </Row>
        {message.lastError && message.state !== 'sent' ? (
          <Row label="Last answer">
            <span className="font-mono text-xs">{message.lastError}</span>
          </Row>
        ) : null}
      </dl>
      {explanation ? (
        <section
          aria-label="What this means"
          className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm"
        >
          <p className="font-semibold">{explanation.title}</p>
          <p>{explanation.meaning}</p>
          <p className="mt-1">
            <span className="font-semibold">Fix: </span>
            {explanation.fix}
          </p>
        </section>
      ) : null}
      <section aria-labelledby="attempts" className="mb-6">
        <h2 id="attempts" className="mb-2 text-lg font-semibold">
          Attempts
        </h2>
        <AttemptsTable attempts={message.attemptLog} />
      </section>
      <section aria-labelledby="body" className="mb-6 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="body" className="mb-2 text-lg font-semibold">
          Body
        </h2>
        <pre className="max-h-96 overflow-auto whitespace-pre-wrap text-sm">
          {message.textBody ?? message.htmlBody ?? ''}
        </pre>
        {message.textBody === null && message.htmlBody !== null ? (
          <p className="mt-2 text-xs text-slate-500">HTML source, shown as text.</p>
        ) : null}
      </section>
      <div className="flex flex-wrap items-start gap-6 rounded-lg border border-slate-200 bg-white p-6">
        {/* Always rendered, so its answer stays on screen while the worker picks the message up. */}
        <ResendButton
          id={message.id}
          label={message.state === 'queued' ? 'Send now' : 'Resend'}
          disabled={message.state === 'sending'}
        />
        {sending ? (
          <p className="text-sm text-slate-600">Being sent right now.</p>
        ) : (
          <DeleteButton
            action={deleteMessageAction}
            id={message.id}
            label="Delete"
            question="Delete this message and its attempts? A queued message will not be sent."
          />
        )}
      </div>
    </>
  );
}
