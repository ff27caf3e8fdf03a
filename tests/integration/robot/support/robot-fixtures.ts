import crypto from 'node:crypto';
import { db } from '@/lib/db/prisma';
import { createRobotMailbox } from '@/lib/robot/create-robot-mailbox';
import { createRobotMailboxSchema } from '@/lib/robot/schemas';
import type { Sandbox } from '../../../../sandbox/start-sandbox';
import { ADELE, createSandboxConnection, signInConnection } from '../../../support/sandbox-connection';

// Connections and robot mailboxes pointing at a sandbox, made through the same functions the console uses.

export const MEGAN = { username: 'megan@contoso.onmicrosoft.com', password: 'Sandbox-Megan-1' };
export const SUPPORT = 'support@contoso.onmicrosoft.com';
export const PATTI = 'patti@contoso.onmicrosoft.com';
export { ADELE };

/** A Microsoft 365 (delegated) connection signed in as `person`, or a client-credentials one. */
export async function robotConnection(
  sandbox: Sandbox,
  kind: 'delegated' | 'application',
  person = ADELE,
): Promise<string> {
  const { connectionId } = await createSandboxConnection(
    sandbox,
    kind === 'delegated' ? 'm365-mailbox' : 'client-credentials',
  );
  if (kind === 'delegated') {
    const { outcome } = await signInConnection(connectionId, person);
    if (!outcome.ok) throw new Error(`sign-in failed: ${JSON.stringify(outcome)}`);
  }
  return connectionId;
}

export interface RobotMailboxFields {
  connectionId: string;
  mailboxAddress?: string;
  folder?: string;
  afterProcessing?: 'mark_read' | 'move';
  moveToFolder?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  pollIntervalSeconds?: number;
  enabled?: boolean;
}

export async function robotMailbox(fields: RobotMailboxFields): Promise<{ id: string; secret: string }> {
  const secret = fields.webhookSecret ?? crypto.randomBytes(32).toString('hex');
  const input = createRobotMailboxSchema.parse({
    name: `Robot ${crypto.randomBytes(4).toString('hex')}`,
    connectionId: fields.connectionId,
    mailboxAddress: fields.mailboxAddress ?? '',
    folder: fields.folder ?? '',
    pollIntervalSeconds: String(fields.pollIntervalSeconds ?? 60),
    afterProcessing: fields.afterProcessing ?? 'mark_read',
    moveToFolder: fields.moveToFolder ?? '',
    webhookUrl: fields.webhookUrl ?? '',
    webhookSecret: fields.webhookUrl ? secret : '',
    enabled: fields.enabled === false ? undefined : 'on',
  });
  const created = await createRobotMailbox(input);
  if (!created.ok) throw new Error(JSON.stringify(created));
  return { id: created.id, secret };
}

/** Stops every robot mailbox of earlier tests from being polled (their sandboxes are gone). */
export async function disableAllRobotMailboxes(): Promise<void> {
  await db().robotMailbox.updateMany({ data: { enabled: false } });
}
