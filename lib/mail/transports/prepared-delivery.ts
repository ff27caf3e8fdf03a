import type { DeliveryContext } from '@/lib/mail/delivery/explain-app-only-smtp-refusal';
import type { DeliveryExplanation } from '@/lib/mail/delivery/explain-delivery-error';
import type { DeliveryOutcome } from '@/lib/mail/delivery/delivery-outcome';
import type { DraftStore } from '@/lib/mail/delivery/send-graph-draft';
import type { OutboundContent } from '@/lib/mail/mail-address';
import type { PaceRoute } from '@/lib/mail/pacing/pace-limits';
import type { TransportKind, TransportOf } from './email-transport';

// What a transport's server module offers delivery. Universal types; the modules themselves are server-only.

export type PreparedDelivery =
  | {
      ok: true;
      transport: TransportKind;
      /** The sending mailbox on its route, for pacing (lib/mail/pacing). */
      pace?: PaceRoute;
      /** The mailbox SMTP AUTH signs in as with OAuth: a Graph fall-back sends as it (lib/mail/outbox). */
      signsInAs?: string;
      send(message: OutboundContent, drafts: DraftStore): Promise<DeliveryOutcome>;
    }
  | { ok: false; transport: TransportKind; outcome: DeliveryOutcome };

export interface TransportDelivery<K extends TransportKind> {
  /** Resolves the settings into a ready sender (the endpoint, and a token where a connection signs in), or why not. */
  prepare(transport: TransportOf<K>, options: { isTest: boolean }): Promise<PreparedDelivery>;
  /**
   * What an attempt's answer means and what to do about it, or null when there is nothing to add; `context` says who
   * signed in, where it is known.
   */
  explain(outcome: DeliveryOutcome, context?: DeliveryContext): DeliveryExplanation | null;
}
