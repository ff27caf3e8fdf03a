import Link from 'next/link';
import { formatDateTime } from '@/components/ui/format-date';
import { getRobotMailboxesInError } from '@/lib/robot/get-robot-mailboxes-in-error';
import { StartSection } from './start-section';

export async function RobotSummary() {
  const mailboxes = await getRobotMailboxesInError();
  return (
    <StartSection title="E-mail Robot" href="/email-robot" linkLabel="All robot mailboxes">
      {mailboxes.length === 0 ? (
        <p className="text-sm text-slate-600">No robot mailbox is in error.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {mailboxes.map((m) => (
            <li key={m.id}>
              <Link href={`/email-robot/${m.id}`} className="font-medium text-brand-700 underline">
                {m.name}
              </Link>{' '}
              <span className="text-xs text-slate-600">{formatDateTime(m.lastErrorAt)}</span>
              <span className="block break-words text-xs text-red-800">{m.lastError}</span>
            </li>
          ))}
        </ul>
      )}
    </StartSection>
  );
}
