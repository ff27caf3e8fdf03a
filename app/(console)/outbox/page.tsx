import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { formatDateTime } from '@/components/ui/format-date';
import { formatSize } from '@/components/ui/format-size';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { requireAdmin } from '@/lib/auth/current-admin';
import { pageNumberOf } from '@/lib/http/list-params';
import { formatAddress, readAddressList } from '@/lib/mail/mail-address';
import { getOutboxCounts } from '@/lib/mail/outbox/get-outbox-counts';
import { getOutboxMessages } from '@/lib/mail/outbox/get-outbox-messages';
import { OUTBOX_SOURCES, type OutboxSource, outboxSourceOf } from '@/lib/mail/outbox/outbox-sources';
import {
  OUTBOX_FILTERS,
  OUTBOX_STATE_LABELS,
  OUTBOX_STATES,
  type OutboxFilter,
  outboxFilterOf,
} from '@/lib/mail/outbox/outbox-states';
import { OutboxBulkActions } from './_components/outbox-bulk-actions';
import { OUTBOX_BULK_FORM } from './_components/outbox-bulk-form-id';
import { OutboxStateBadge } from './_components/outbox-state-badge';

export const metadata = { title: 'Outbox' };

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<{ filter?: string | string[]; page?: string | string[]; source?: string | string[] }>;
}) {
  await requireAdmin();
  const params = await searchParams;
  const filter = outboxFilterOf(params.filter);
  const page = pageNumberOf(params.page);
  const source = outboxSourceOf(params.source);
  const [counts, { messages, total, pages }] = await Promise.all([
    getOutboxCounts(),
    getOutboxMessages(filter, page, source),
  ]);
  const hrefFor = (f: OutboxFilter, p = 1, s: OutboxSource = source) =>
    `/outbox?${new URLSearchParams({
      ...(f === 'all' ? {} : { filter: f }),
      ...(s === 'all' ? {} : { source: s }),
      ...(p > 1 ? { page: String(p) } : {}),
    })}`;

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every message Switchboard accepted, and what happened to it: each attempt and the server’s answer."
      />
      <dl aria-label="Messages per state" className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {OUTBOX_STATES.map((state) => (
          <div key={state} className="rounded-lg border border-slate-200 bg-white px-4 py-3">
            <dt className="text-xs uppercase text-slate-600">{OUTBOX_STATE_LABELS[state]}</dt>
            <dd className="text-2xl font-semibold" data-testid={`count-${state}`}>
              {counts[state]}
            </dd>
          </div>
        ))}
      </dl>
      <nav aria-label="Filter" className="mb-3 flex gap-2 text-sm">
        {(Object.keys(OUTBOX_FILTERS) as OutboxFilter[]).map((f) => (
          <Link
            key={f}
            href={hrefFor(f)}
            aria-current={f === filter ? 'page' : undefined}
            className={`rounded-md border px-3 py-1.5 ${f === filter ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'}`}
          >
            {OUTBOX_FILTERS[f]}
          </Link>
        ))}
      </nav>
      <nav aria-label="Source" className="mb-3 flex flex-wrap gap-2 text-sm">
        {(['all', ...Object.keys(OUTBOX_SOURCES)] as OutboxSource[]).map((s) => (
          <Link
            key={s}
            href={hrefFor(filter, 1, s)}
            aria-current={s === source ? 'page' : undefined}
            className={`rounded-md border px-3 py-1.5 ${s === source ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'}`}
          >
            {s === 'all' ? 'Every source' : OUTBOX_SOURCES[s]}
          </Link>
        ))}
      </nav>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">{total} messages</p>
        <OutboxBulkActions />
      </div>
      <DataTable
        columns={[
          { label: 'Select', hidden: true },
          'Accepted',
          'State',
          'Subject',
          'To',
          'Size',
          'Attempts',
          'Last answer',
        ]}
      >
        {messages.length === 0 ? (
          <tr>
            <td colSpan={8} className="px-3 py-6 text-center text-slate-500">
              No messages here.
            </td>
          </tr>
        ) : null}
        {messages.map((m) => {
          const to = readAddressList(m.toRecipients);
          // Sent: the server's acceptance from the last attempt; otherwise the error that stopped it.
          const answer =
            m.state === 'sent' ? (m.attemptLog[0]?.answer ?? '') : (m.lastError ?? m.attemptLog[0]?.answer ?? '');
          return (
            <tr key={m.id} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2">
                <input
                  type="checkbox"
                  name="ids"
                  value={m.id}
                  form={OUTBOX_BULK_FORM}
                  aria-label={`Select “${m.subject || '(no subject)'}” accepted ${formatDateTime(m.createdAt)}`}
                  className="h-4 w-4"
                />
              </td>
              <td className="whitespace-nowrap px-3 py-2">{formatDateTime(m.createdAt)}</td>
              <td className="px-3 py-2">
                <OutboxStateBadge state={m.state} />
                {m.state === 'queued' && m._count.attemptLog > 0 ? (
                  <span className="block text-xs text-slate-500">next {formatDateTime(m.nextAttemptAt)}</span>
                ) : null}
              </td>
              <td className="px-3 py-2">
                <Link className="underline" href={`/outbox/${m.id}`}>
                  {m.subject || '(no subject)'}
                </Link>
                <span className="block text-xs text-slate-500">
                  {m.source === 'relay' && m.relayClientName ? `relay: ${m.relayClientName}` : m.source} · from{' '}
                  {m.fromAddress}
                </span>
              </td>
              <td className="px-3 py-2">
                {to.slice(0, 2).map(formatAddress).join(', ')}
                {to.length > 2 ? ` +${to.length - 2}` : ''}
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {formatSize(m.size)}
                {m._count.attachments > 0 ? (
                  <span className="block text-xs text-slate-500">
                    {m._count.attachments === 1 ? '1 attachment' : `${m._count.attachments} attachments`}
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2">{m._count.attemptLog}</td>
              {/* Remote answers can be one long unbroken line (a URL, a base64 id): wrap anywhere, never widen the page. */}
              <td className="max-w-md px-3 py-2 text-xs [overflow-wrap:anywhere]" data-testid="last-answer">
                {answer}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <Pager page={page} pages={pages} hrefFor={(p) => hrefFor(filter, p)} />
    </>
  );
}
