import 'server-only';
import type { DeliverySettings } from '@/lib/mail/settings/delivery-settings';
import type { PreparedDelivery } from '@/lib/mail/transports/prepared-delivery';
import { transportDelivery } from '@/lib/mail/transports/transport-deliveries';

// Where the outbox has always imported it from.
export type { PreparedDelivery };

/**
 * Resolves the settings into a ready sender through the transport's server module (lib/mail/transports). What is
 * missing before anything can be sent waits (it is the administrator's move).
 */
export async function prepareDelivery(settings: DeliverySettings | null, isTest: boolean): Promise<PreparedDelivery> {
  if (!settings)
    return {
      ok: false,
      transport: 'smtp',
      outcome: {
        kind: 'deferred',
        code: 'SETTINGS',
        answer: 'Email is not set up yet: Settings → Global System Settings → Emails.',
      },
    };
  const { transport } = settings;
  if (!settings.enabled && !isTest) {
    return {
      ok: false,
      transport: transport.kind,
      outcome: {
        kind: 'deferred',
        code: 'SETTINGS',
        answer: 'Email sending is turned off: Settings → Global System Settings → Emails → Enabled.',
      },
    };
  }
  return transportDelivery(transport).prepare(transport, { isTest });
}
