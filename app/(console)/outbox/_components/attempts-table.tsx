import { formatDateTime } from '@/components/ui/format-date';
import { StatusBadge, type BadgeTone } from '@/components/ui/status-badge';
import { TRANSPORT_FORMS, transportKindOf } from '@/lib/mail/transports/transport-forms';

interface Attempt {
  id: string;
  number: number;
  worker: string;
  transport: string;
  startedAt: Date;
  finishedAt: Date | null;
  outcome: string;
  code: string | null;
  answer: string | null;
  retryAt: Date | null;
}

const OUTCOMES: Record<string, { label: string; tone: BadgeTone }> = {
  in_progress: { label: 'In progress', tone: 'warning' },
  sent: { label: 'Sent', tone: 'success' },
  retry: { label: 'Will retry', tone: 'info' },
  failed: { label: 'Failed', tone: 'danger' },
  interrupted: { label: 'Interrupted', tone: 'warning' },
};

/** Every attempt with the remote's answer, oldest first. */
export function AttemptsTable({ attempts }: { attempts: Attempt[] }) {
  if (attempts.length === 0) return <p className="text-sm text-slate-600">No attempt yet.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-left text-sm">
        <thead className="bg-slate-100 text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              #
            </th>
            <th scope="col" className="px-3 py-2">
              Started
            </th>
            <th scope="col" className="px-3 py-2">
              Outcome
            </th>
            <th scope="col" className="px-3 py-2">
              Code
            </th>
            <th scope="col" className="px-3 py-2">
              Remote answer
            </th>
            <th scope="col" className="px-3 py-2">
              Via
            </th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => {
            const outcome = OUTCOMES[a.outcome] ?? { label: a.outcome, tone: 'neutral' as const };
            return (
              <tr key={a.id} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2">{a.number}</td>
                <td className="whitespace-nowrap px-3 py-2">
                  {formatDateTime(a.startedAt)}
                  {a.finishedAt ? (
                    <span className="block text-xs text-slate-500">
                      {a.finishedAt.getTime() - a.startedAt.getTime()} ms
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2">
                  <StatusBadge tone={outcome.tone}>{outcome.label}</StatusBadge>
                  {a.retryAt ? (
                    <span className="block text-xs text-slate-500">retry {formatDateTime(a.retryAt)}</span>
                  ) : null}
                </td>
                <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{a.code ?? ''}</td>
                <td className="max-w-xl px-3 py-2 font-mono text-xs [overflow-wrap:anywhere]">{a.answer ?? ''}</td>
                <td className="whitespace-nowrap px-3 py-2 text-xs">
                  {TRANSPORT_FORMS[transportKindOf(a.transport)].label}
                  <span className="block text-slate-500">{a.worker}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
