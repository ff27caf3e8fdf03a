import { TRANSPORT_FORMS } from '@/lib/mail/transports/transport-forms';
import type { EmailFormValues } from './form-values';

// Every error the server sends has a field; should that field not be on screen for the current choices, the error
// is listed here rather than lost ("Check the highlighted fields" with nothing highlighted).

const ALWAYS_SHOWN = ['connectionType', 'senderAddress', 'senderName', 'allowedSenders', 'testRecipient'];

function shown(field: string, values: EmailFormValues): boolean {
  if (field === 'graphFallbackConnectionId') return values.connectionType === 'smtp' && values.smtpAuth === 'oauth';
  return (
    ALWAYS_SHOWN.includes(field) || TRANSPORT_FORMS[values.connectionType].shownFields(values).some((f) => f === field)
  );
}

export function UnplacedErrors({ errors, values }: { errors: Record<string, string>; values: EmailFormValues }) {
  const unplaced = Object.entries(errors).filter(([field]) => !shown(field, values));
  if (unplaced.length === 0) return null;
  return (
    <ul role="alert" className="list-disc rounded-md bg-red-50 px-8 py-2 text-sm text-red-800">
      {unplaced.map(([field, message]) => (
        <li key={field}>{message}</li>
      ))}
    </ul>
  );
}
