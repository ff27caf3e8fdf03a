import Link from 'next/link';
import type { EmailAlarm } from '@/lib/notifications/get-email-alarm';

// When email is what is broken, notifications by email say nothing: this line on every console page does.
export function EmailAlarmBanner({ alarm }: { alarm: EmailAlarm | null }) {
  if (!alarm) return null;
  return (
    <div
      role="alert"
      aria-label="Email is broken"
      className="border-b border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900"
    >
      <p className="font-medium">{alarm.title}</p>
      <p className="mt-1 break-words">
        {alarm.detail}{' '}
        <Link className="underline" href={alarm.href}>
          {alarm.linkLabel}
        </Link>
      </p>
    </div>
  );
}
