import type { EmailTransport } from './email-transport';
import type { TransportFields } from './transport-fields';
import { TRANSPORT_KINDS } from './transport-kinds';

/**
 * The one normaliser, used by Done, Send test email and the stored row alike: the flat fields as the chosen kind's
 * settings, each kind keeping only its own fields. Universal.
 */
export function transportFromFields(fields: TransportFields): EmailTransport {
  return TRANSPORT_KINDS[fields.connectionType].fromFields(fields);
}
