import 'server-only';
import { createHash, X509Certificate } from 'node:crypto';
import { db } from '@/lib/db/prisma';
import { RELAY_SETTINGS_ID } from './relay-settings-id';

export interface RelayOverview {
  enabled: boolean;
  certificate: { generated: boolean; subject: string; thumbprintSha256: string; expiresAt: Date } | null;
}

/** Whether relaying is on, and the STARTTLS certificate's public facts (never its key). */
export async function getRelayOverview(): Promise<RelayOverview> {
  const row = await db().relaySettings.findUnique({
    where: { id: RELAY_SETTINGS_ID },
    select: { enabled: true, certificatePem: true, certificateGenerated: true },
  });
  let certificate: RelayOverview['certificate'] = null;
  if (row?.certificatePem) {
    try {
      const x509 = new X509Certificate(row.certificatePem);
      certificate = {
        generated: row.certificateGenerated,
        subject: x509.subject.replaceAll('\n', ', '),
        thumbprintSha256: createHash('sha256').update(x509.raw).digest('hex').toUpperCase(),
        expiresAt: new Date(x509.validTo),
      };
    } catch {
      certificate = null;
    }
  }
  return { enabled: row?.enabled ?? false, certificate };
}
