import { getEmailAlarm } from '@/lib/notifications/get-email-alarm';
import { StartSection } from './start-section';

// Said first on the start page when email is what is broken (notifications by email cannot say it themselves).
export async function EmailAlarmSummary() {
  const alarm = await getEmailAlarm();
  if (!alarm) return null;
  return (
    <StartSection title="Email delivery" href={alarm.href} linkLabel={alarm.linkLabel}>
      <p className="text-sm font-medium text-red-900">{alarm.title}</p>
      <p className="mt-1 break-words text-sm text-red-800">{alarm.detail}</p>
      <p className="mt-2 text-xs text-slate-600">
        Notifications by email wait with the rest; the webhook channel (Settings → Notifications) still reaches you.
      </p>
    </StartSection>
  );
}
