import 'server-only';
import { db } from '@/lib/db/prisma';
import type { CreateRobotMailboxInput } from './schemas';

// What the form's schema cannot know: that the connection exists, that an application connection (no signed-in
// user, so no "own" mailbox) has an address, and that a webhook has a secret to sign with.

export async function checkRobotMailboxInput(input: CreateRobotMailboxInput, hasStoredSecret: boolean): Promise<Record<string, string> | null> {
  const errors: Record<string, string> = {};
  const connection = await db().serviceConnection.findUnique({ where: { id: input.connectionId }, select: { service: { select: { authType: true } } } });
  if (!connection) errors.connectionId = 'Choose a Service Connection';
  else if (connection.service.authType === 'application' && !input.mailboxAddress) {
    errors.mailboxAddress = 'An application connection has no signed-in user: enter the mailbox address';
  }
  if (input.webhookUrl && !input.webhookSecret && !hasStoredSecret) errors.webhookSecret = 'Generate or enter a secret to sign the webhook with';
  return Object.keys(errors).length ? errors : null;
}
