import type { ConnectionType, SmtpAuthMode } from '@/lib/mail/settings/email-settings-schema';

// What the Emails form holds while the administrator edits it. Universal.

export interface EmailFormValues {
  enabled: boolean;
  connectionType: ConnectionType;
  smtpServer: string;
  useSsl: boolean;
  allowUnencrypted: boolean;
  smtpAuth: SmtpAuthMode;
  username: string;
  password: string;
  mailboxAddress: string;
  connectionId: string;
  senderAddress: string;
  senderName: string;
  allowedSenders: string;
  testRecipient: string;
}

export interface ConnectionOption {
  id: string;
  name: string;
  stateLabel: string;
  authType: 'delegated' | 'application';
  accountUsername: string | null;
  smtp: boolean;
  graph: boolean;
}

export type SetField = <K extends keyof EmailFormValues>(key: K, value: EmailFormValues[K]) => void;
