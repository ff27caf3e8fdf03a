import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { notFound } from 'next/navigation';
import { formatDateTime } from '@/components/ui/format-date';
import { PageHeader } from '@/components/ui/page-header';
import { Pager } from '@/components/ui/pager';
import { requireAdmin } from '@/lib/auth/current-admin';
import { pageNumberOf, searchTextOf } from '@/lib/http/list-params';
import { getRobotMailbox } from '@/lib/robot/get-robot-mailbox';
import { getRobotMessages } from '@/lib/robot/get-robot-messages';
import { pollNowAction, testRobotMailboxAction } from '../actions';
import { MessageStateBadges } from '../_components/message-state-badges';
import { RobotActionButton } from '../_components/robot-action-button';
import { RobotStateBadge } from '../_components/robot-state-badge';

export const metadata = { title: 'Robot mailbox' };

export default async function RobotMailboxPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
  const { id } = await params;
  const search = await searchParams;
  const query = searchTextOf(search.q);
  const mailbox = await getRobotMailbox(id);
  if (!mailbox) notFound();
  const { rows, total, page, pages } = await getRobotMessages(id, { query, page: pageNumberOf(search.page) });
  const base = `/email-robot/${id}`;
  const hrefFor = (p: number) =>
    `${base}?${new URLSearchParams({ ...(query ? { q: query } : {}), ...(p > 1 ? { page: String(p) } : {}) }).toString()}`;
  const address =
    mailbox.mailboxAddress || `${mailbox.connection.accountUsername ?? 'the signed-in account'} (own mailbox)`;

  return (
    <>
      <PageHeader
        title={mailbox.name}
        description={`${address} · ${mailbox.folder} · through ${mailbox.connection.name}`}
        actions={
          <Link
            href={`${base}/edit`}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100"
          >
            Edit
          </Link>
        }
      />
      <section aria-labelledby="robot-state" className="mb-6 rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="robot-state" className="mb-3 text-lg font-semibold">
          Polling
        </h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-600">State</dt>
          <dd>
            <RobotStateBadge
              enabled={mailbox.enabled}
              lastError={mailbox.lastError}
              throttledUntil={mailbox.throttledUntil}
            />
          </dd>
          <dt className="font-medium text-slate-600">Last poll</dt>
          <dd>{formatDateTime(mailbox.lastPollAt)}</dd>
          <dt className="font-medium text-slate-600">Last success</dt>
          <dd>{formatDateTime(mailbox.lastSuccessAt)}</dd>
          <dt className="font-medium text-slate-600">Next poll</dt>
          <dd>
            {mailbox.enabled
              ? `${formatDateTime(mailbox.nextPollAt)} (every ${mailbox.pollIntervalSeconds} s)`
              : 'Disabled: only Poll now'}
          </dd>
          <dt className="font-medium text-slate-600">Messages seen</dt>
          <dd>
            {mailbox.messagesSeen.toLocaleString('en-US')}
            {mailbox.pendingHandoffs ? ` · ${mailbox.pendingHandoffs} waiting for the webhook` : ''}
            {mailbox.pendingActions ? ` · ${mailbox.pendingActions} not yet marked or moved` : ''}
          </dd>
          <dt className="font-medium text-slate-600">After processing</dt>
          <dd>{mailbox.afterProcessing === 'move' ? `Move to “${mailbox.moveToFolder}”` : 'Mark as read'}</dd>
          <dt className="font-medium text-slate-600">Hand-off</dt>
          <dd className="break-all">
            {mailbox.webhookUrl ? `Webhook ${mailbox.webhookUrl}` : 'Console only (no webhook)'}
          </dd>
          {mailbox.throttledUntil && mailbox.throttledUntil > new Date() ? (
            <>
              <dt className="font-medium text-slate-600">Throttled until</dt>
              <dd>{formatDateTime(mailbox.throttledUntil)} (Microsoft’s Retry-After)</dd>
            </>
          ) : null}
          {mailbox.lastError ? (
            <>
              <dt className="font-medium text-slate-600">Last error</dt>
              <dd className="text-red-800">
                <p className="font-mono text-xs" data-testid="robot-last-error">
                  {mailbox.lastError}
                </p>
                {mailbox.lastErrorExplanation ? <p className="mt-1">{mailbox.lastErrorExplanation}</p> : null}
                <p className="mt-1 text-xs text-slate-500">{formatDateTime(mailbox.lastErrorAt)}</p>
              </dd>
            </>
          ) : null}
        </dl>
        <div className="mt-4 flex flex-wrap items-start gap-4 border-t border-slate-200 pt-4">
          <RobotActionButton action={pollNowAction} id={mailbox.id} label="Poll now" />
          <RobotActionButton action={testRobotMailboxAction} id={mailbox.id} label="Test" />
        </div>
      </section>

      <section aria-labelledby="robot-messages">
        <h2 id="robot-messages" className="mb-3 text-lg font-semibold">
          Messages
        </h2>
        <form className="mb-4 flex flex-wrap gap-2" role="search" action={base}>
          <label htmlFor="robot-messages-q" className="sr-only">
            Search messages
          </label>
          <input
            id="robot-messages-q"
            name="q"
            type="search"
            defaultValue={query}
            placeholder="Search subject, sender, recipients or message id"
            className="w-full max-w-sm rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
          <button className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">Search</button>
          {query ? (
            <Link href={base} className="self-center text-sm underline">
              Clear
            </Link>
          ) : null}
        </form>
        <p className="mb-2 text-sm text-slate-600" role="status">
          {total === 1 ? '1 message' : `${total.toLocaleString('en-US')} messages`}
          {query ? ` match “${query}”` : ''}
        </p>
        {rows.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-sm text-slate-600">
            {query ? 'No message matches.' : 'No messages yet. New mail appears here after the next poll.'}
          </p>
        ) : (
          <DataTable columns={['Received', 'From', 'Subject', 'State']}>
            {rows.map((m) => (
              <tr key={m.id} className="border-t border-slate-100 align-top">
                <td className="whitespace-nowrap px-3 py-2">{formatDateTime(m.receivedAt)}</td>
                <td className="px-3 py-2">
                  {m.fromName && m.fromName !== m.fromAddress ? `${m.fromName} <${m.fromAddress}>` : m.fromAddress}
                </td>
                <td className="px-3 py-2">
                  <Link className="text-brand-700 underline" href={`${base}/messages/${m.id}`}>
                    {m.subject || '(no subject)'}
                  </Link>
                  {m.attachments !== '[]' ? <span className="ml-2 text-xs text-slate-500">(attachments)</span> : null}
                </td>
                <td className="px-3 py-2">
                  <MessageStateBadges
                    handoffState={m.handoffState}
                    handoffAttempts={m.handoffAttempts}
                    mailboxAction={m.mailboxAction}
                  />
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pager page={page} pages={pages} hrefFor={hrefFor} />
      </section>
    </>
  );
}
