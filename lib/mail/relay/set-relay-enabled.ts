import 'server-only';
import { db } from '@/lib/db/prisma';
import { RELAY_SETTINGS_ID } from './relay-settings-id';

/** Turns relaying on or off; every instance's listener follows within seconds (lib/mail/relay/start-relay-listener). */
export async function setRelayEnabled(enabled: boolean): Promise<void> {
  await db().relaySettings.upsert({
    where: { id: RELAY_SETTINGS_ID },
    create: { id: RELAY_SETTINGS_ID, enabled },
    update: { enabled },
  });
}
