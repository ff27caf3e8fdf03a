import 'server-only';
import { db } from '@/lib/db/prisma';
import { verifyTenantCredentials } from '@/lib/entra/verify-tenant-credentials';

export type SetupAuthenticationCheck =
  | { ok: true; name: string }
  | {
      ok: false;
      name?: string;
      message: string;
      code?: string | null;
      meaning?: string;
      fix?: string;
      microsoftCode?: string;
    };

/**
 * Before Setup Authentication sends anyone to Microsoft: the connection exists, someone signs in to its service at
 * all (client credentials need nobody), and the app registration works — an unknown tenant, an unknown app and a
 * wrong or expired secret are caught here, before anyone types a password.
 */
export async function checkSetupAuthentication(connectionId: string): Promise<SetupAuthenticationCheck> {
  const connection = await db().serviceConnection.findUnique({
    where: { id: connectionId },
    select: { name: true, tenantId: true, service: { select: { authType: true } } },
  });
  if (!connection) return { ok: false, message: 'The connection no longer exists.' };
  if (connection.service.authType === 'application') {
    return {
      ok: false,
      name: connection.name,
      message: 'This service uses client credentials (application permissions): nobody signs in. Use Test to check it.',
    };
  }
  const verified = await verifyTenantCredentials(connection.tenantId);
  if (!verified.ok) {
    const { error } = verified;
    return {
      ok: false,
      name: connection.name,
      message: error.description || error.error,
      code: error.code,
      meaning: error.explanation?.meaning,
      fix: error.explanation?.fix,
      microsoftCode: error.code ?? error.error,
    };
  }
  return { ok: true, name: connection.name };
}
