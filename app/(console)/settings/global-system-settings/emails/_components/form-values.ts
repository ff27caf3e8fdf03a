import type { ConnectionFit } from '@/lib/connections/connection-fit';
import type { TransportFields } from '@/lib/mail/transports/transport-fields';

// What the Emails form holds while the administrator edits it: the transport's flat fields (every kind's, kept while
// the administrator switches back and forth) and the shared ones. Universal.

export interface EmailFormValues extends TransportFields {
  enabled: boolean;
  /** The SMTP host the administrator confirmed a Custom cloud's token may be sent to. */
  confirmSmtpHost: string;
  /** SMTP with OAuth: the Graph connection that sends when SMTP AUTH is refused (535 5.7.139); '' for none. */
  graphFallbackConnectionId: string;
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
  smtp: ConnectionFit;
  graph: ConnectionFit;
  /** Where its SMTP token may go; null for a Custom cloud (the saved host, or one confirmed here). */
  smtpTokenHosts: readonly string[] | null;
  sendShared: boolean;
}

export type SetField = <K extends keyof EmailFormValues>(key: K, value: EmailFormValues[K]) => void;
