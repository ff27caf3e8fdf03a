import type { EmailSettingsView } from '@/lib/mail/settings/get-email-settings';
import { transportDefinition } from '@/lib/mail/transports/transport-kinds';
import type { EmailFormValues } from './form-values';

// The Emails form as the page opens it: the saved settings, read by their transport's kind, or the choices of a
// first setup (SMTP to Exchange Online with OAuth 2.0). Universal.

const EXCHANGE_ONLINE = 'smtp.office365.com:587';

export function initialFormValues(saved: EmailSettingsView | null, testRecipient: string): EmailFormValues {
  const common = {
    password: '',
    username: '',
    mailboxAddress: '',
    connectionId: '',
    confirmSmtpHost: '',
    graphFallbackConnectionId: saved?.graphFallbackConnectionId ?? '',
    testRecipient,
  };
  if (!saved) {
    return {
      ...common,
      enabled: false,
      connectionType: 'smtp',
      smtpServer: EXCHANGE_ONLINE,
      useSsl: true,
      implicitTls: false,
      smtpAuth: 'oauth',
      senderAddress: '',
      senderName: '',
      allowedSenders: '',
    };
  }
  const { settings } = saved;
  const fields = transportDefinition(settings.transport).toFields(settings.transport);
  return {
    ...common,
    // What the form sends for the SMTP questions while another kind is chosen; the SMTP server stays as it was saved.
    useSsl: false,
    implicitTls: false,
    smtpAuth: 'none',
    ...fields,
    smtpServer: (fields.smtpServer ?? saved.smtpServer) || EXCHANGE_ONLINE,
    enabled: settings.enabled,
    connectionType: settings.transport.kind,
    senderAddress: settings.senderAddress,
    senderName: settings.senderName,
    allowedSenders: settings.allowedSenders.join('\n'),
  };
}
