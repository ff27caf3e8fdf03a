// Seeds the e2e console's store with a Microsoft 365 connection that Adele has signed in to, the way the console's
// own functions do (tenant, connection, Setup Authentication through the sandbox's pages). Run by
// e2e/email-robot.spec.ts as a child process with the console's SWITCHBOARD_DATA_DIR, so the same database and key.
// Prints one JSON line: { connectionId, connectionName }.
import { db, disconnectDb } from '@/lib/db/prisma';
import type { SandboxInfo } from '../../../../sandbox/start-sandbox';
import { createSandboxConnection, signInConnection } from '../../../support/sandbox-connection';

const [controlUrl = '', redirectUri = '', username = '', password = ''] = process.argv.slice(2);

async function main(): Promise<void> {
  const info = (await (await fetch(`${controlUrl}/info`)).json()) as SandboxInfo;
  const { connectionId } = await createSandboxConnection({ info }, 'm365-mailbox');
  const { outcome } = await signInConnection(connectionId, { username, password }, redirectUri);
  if (!outcome.ok) throw new Error(`Setup Authentication failed: ${JSON.stringify(outcome)}`);
  const { name } = await db().serviceConnection.findUniqueOrThrow({
    where: { id: connectionId },
    select: { name: true },
  });
  process.stdout.write(`${JSON.stringify({ connectionId, connectionName: name })}\n`);
}

main()
  .catch((error: unknown) => {
    process.stderr.write(`seed failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  })
  .finally(() => void disconnectDb());
