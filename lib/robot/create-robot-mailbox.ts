import 'server-only';
import { encryptSecret, secretHint } from '@/lib/crypto/secrets';
import { db } from '@/lib/db/prisma';
import { isUniqueViolation } from '@/lib/db/errors';
import { checkRobotMailboxInput } from './check-robot-mailbox-input';
import { ROBOT_NAME_TAKEN, type CreateRobotMailboxInput } from './schemas';

export type SaveRobotMailboxResult =
  { ok: true; id: string; name: string } | { ok: false; message?: string; fieldErrors?: Record<string, string> };

/** Stores a new robot mailbox, due for its first poll at once; the webhook secret only as ciphertext and a hint. */
export async function createRobotMailbox(input: CreateRobotMailboxInput): Promise<SaveRobotMailboxResult> {
  const fieldErrors = await checkRobotMailboxInput(input, false);
  if (fieldErrors) return { ok: false, fieldErrors };
  try {
    const created = await db().robotMailbox.create({
      data: {
        name: input.name,
        connectionId: input.connectionId,
        mailboxAddress: input.mailboxAddress,
        folder: input.folder,
        pollIntervalSeconds: input.pollIntervalSeconds,
        afterProcessing: input.afterProcessing,
        moveToFolder: input.afterProcessing === 'move' ? input.moveToFolder : '',
        webhookUrl: input.webhookUrl,
        ...(input.webhookSecret
          ? {
              webhookSecret: encryptSecret(input.webhookSecret, 'RobotMailbox.webhookSecret'),
              webhookSecretHint: secretHint(input.webhookSecret) || null,
              webhookSecretSetAt: new Date(),
            }
          : {}),
        enabled: input.enabled,
      },
      select: { id: true, name: true },
    });
    return { ok: true, ...created };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { name: ROBOT_NAME_TAKEN } };
    throw error;
  }
}
