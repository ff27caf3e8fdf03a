import type { EmailFormValues } from './form-values';

// Every error the server sends has a field; should that field not be on screen for the current choices, the error
// is listed here rather than lost ("Check the highlighted fields" with nothing highlighted).

const SHOWN: Record<string, (v: EmailFormValues) => boolean> = {
  connectionType: () => true,
  smtpServer: (v) => v.connectionType === 'smtp',
  useSsl: (v) => v.connectionType === 'smtp',
  implicitTls: (v) => v.connectionType === 'smtp' && v.useSsl,
  smtpAuth: (v) => v.connectionType === 'smtp',
  username: (v) => v.connectionType === 'smtp' && v.smtpAuth === 'basic',
  password: (v) => v.connectionType === 'smtp' && v.smtpAuth === 'basic',
  mailboxAddress: (v) => v.connectionType === 'graph' || v.smtpAuth === 'oauth',
  connectionId: (v) => v.connectionType === 'graph' || v.smtpAuth === 'oauth',
  confirmSmtpHost: (v) => v.connectionType === 'smtp' && v.smtpAuth === 'oauth',
  senderAddress: () => true,
  senderName: () => true,
  allowedSenders: () => true,
  testRecipient: () => true,
};

export function UnplacedErrors({ errors, values }: { errors: Record<string, string>; values: EmailFormValues }) {
  const unplaced = Object.entries(errors).filter(([field]) => !SHOWN[field]?.(values));
  if (unplaced.length === 0) return null;
  return (
    <ul role="alert" className="list-disc rounded-md bg-red-50 px-8 py-2 text-sm text-red-800">
      {unplaced.map(([field, message]) => (
        <li key={field}>{message}</li>
      ))}
    </ul>
  );
}
